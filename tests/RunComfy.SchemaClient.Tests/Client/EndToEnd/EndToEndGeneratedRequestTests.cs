using RunComfy.Models.Bytedance;

namespace RunComfy.SchemaClient.Tests.Client.EndToEnd;

/// <summary>Generated requests through the client to the emulator, which validates them on its own.</summary>
public sealed class EndToEndGeneratedRequestTests
{
    [Fact]
    public async Task A_generated_request_runs_to_completion_and_its_body_is_accepted_once()
    {
        await using var emulator = await ClientEmulator.StartAsync();
        using var client = ClientEmulator.Client(emulator);
        var request = new Seedream40EditRequest
        {
            Prompt = "A cat on a sofa",
            Images = ["https://example.com/cat.png"],
            Resolution = Seedream40EditResolution._2K,
        };

        var result = await client.RunAsync(request, ClientEmulator.Run());

        result.State.ShouldBe(RunComfyRequestState.Completed);
        result.Output.Image.ShouldNotBeNull();
        emulator.GetSubmissionCount(request.ToJson()).ShouldBe(1);
    }

    [Fact]
    public async Task An_invalid_generated_request_is_refused_before_anything_reaches_the_server()
    {
        await using var emulator = await ClientEmulator.StartAsync();
        using var client = ClientEmulator.Client(emulator);
        var request = new Seedream40EditRequest { Prompt = new string('x', 601), Images = [] };

        var error = await Should.ThrowAsync<RequestValidationException>(() => client.SubmitAsync(request));

        error.Errors.Count.ShouldBe(2);
        emulator.Stats.SubmitCalls.ShouldBe(0);
    }
}
