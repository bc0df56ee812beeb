using RunComfy.Metadata;

namespace RunComfy.SchemaClient.Tests.Client.EndToEnd;

/// <summary>A model loaded at run time (<see cref="ModelInfo.FromSchema"/>) goes through the client like a generated one.</summary>
public sealed class EndToEndRunTimeModelTests
{
    private const string ModelId = "acme/run-time/text-to-image";
    private const string Schema = """
        {"type":"object","required":["prompt"],"properties":{
          "prompt":{"type":"string","maxLength":50},
          "size":{"type":"string","enum":["512","1024"],"default":"512"},
          "steps":{"type":"integer","minimum":1,"maximum":50}}}
        """;

    [Fact]
    public async Task A_request_parsed_by_a_run_time_model_runs_to_completion_and_is_sent_once_as_written()
    {
        await using var emulator = await ClientEmulator.StartAsync(options => options.ExtraSchemas[ModelId] = Schema);
        using var client = ClientEmulator.Client(emulator);
        var request = ModelInfo.FromSchema(ModelId, Schema).Parse("""{"steps":20,"prompt":"a fox","size":"1024"}""");

        var result = await client.RunAsync(request, ClientEmulator.Run());

        result.State.ShouldBe(RunComfyRequestState.Completed);
        RequestJsonWriter.ToJson(request).ShouldBe("""{"prompt":"a fox","size":"1024","steps":20}""");
        emulator.GetSubmissionCount(RequestJsonWriter.ToJson(request)).ShouldBe(1);
    }

    [Fact]
    public async Task An_invalid_run_time_request_is_refused_before_anything_reaches_the_server()
    {
        await using var emulator = await ClientEmulator.StartAsync(options => options.ExtraSchemas[ModelId] = Schema);
        using var client = ClientEmulator.Client(emulator);
        var request = ModelInfo.FromSchema(ModelId, Schema).Parse("{\"prompt\":\"" + new string('x', 51) + "\",\"steps\":0}");

        var error = await Should.ThrowAsync<RequestValidationException>(() => client.SubmitAsync(request));

        error.Errors.Select(e => (e.Path, e.Rule)).ShouldBe([("prompt", "maxLength"), ("steps", "minimum")]);
        emulator.Stats.SubmitCalls.ShouldBe(0);
    }
}
