using RunComfy.Emulator;

namespace RunComfy.SchemaClient.Tests.Emulator;

/// <summary>Each answer variant WIRE.md lists can be produced, so a client can prove it accepts all of them.</summary>
public sealed class EmulatorWireFormTests
{
    [Fact]
    public async Task Submit_can_answer_202_with_a_status()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o =>
        {
            o.Wire.SubmitStatusCode = 202;
            o.Wire.IncludeStatusInSubmitAnswer = true;
        });
        using var response = await emulator.SubmitAsync(EmulatorHarness.EditBody());
        var body = await EmulatorHarness.ReadJsonAsync(response);

        ((int)response.StatusCode).ShouldBe(202);
        body.GetProperty("status").GetString().ShouldBe("in_queue");
        body.GetProperty("request_id").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Status_names_can_use_the_aliases_official_clients_accept()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o =>
        {
            o.Wire.InQueueStatus = "pending";
            o.Wire.InProgressStatus = "processing";
            o.Wire.CompletedStatus = "succeeded";
            o.Wire.CancelledStatus = "canceled";
        });
        var done = await emulator.SubmitOkAsync();
        var cancelled = await emulator.SubmitOkAsync();

        (await emulator.StatusAsync(done)).Body.GetProperty("status").GetString().ShouldBe("pending");
        (await emulator.CancelAsync(cancelled)).Body.GetProperty("status").GetString().ShouldBe("canceled");
        emulator.Clock.Advance(TimeSpan.FromSeconds(2));
        (await emulator.StatusAsync(done)).Body.GetProperty("status").GetString().ShouldBe("processing");
        emulator.Clock.Advance(TimeSpan.FromSeconds(1));
        (await emulator.ResultAsync(done)).Body.GetProperty("status").GetString().ShouldBe("succeeded");
    }

    [Fact]
    public async Task Cancel_can_answer_cancellation_requested()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.Wire.CancelAnswersCancellationRequested = true);
        var id = await emulator.SubmitOkAsync();

        var (_, body) = await emulator.CancelAsync(id);
        body.GetProperty("outcome").GetString().ShouldBe("cancellation_requested");
        (await emulator.StatusAsync(id)).Body.GetProperty("status").GetString().ShouldBe("cancelled");
    }

    [Theory]
    [InlineData(ImageOutputForm.Image, true, false)]
    [InlineData(ImageOutputForm.Images, false, true)]
    [InlineData(ImageOutputForm.Both, true, true)]
    public async Task Image_outputs_can_take_either_or_both_forms(ImageOutputForm form, bool image, bool images)
    {
        await using var emulator = await EmulatorHarness.StartAsync(o =>
        {
            o.Wire.ImageOutputForm = form;
            o.Wire.IncludeModelIdInResult = true;
        });
        var id = await emulator.SubmitOkAsync();
        emulator.Clock.Advance(TimeSpan.FromSeconds(3));

        var (_, body) = await emulator.ResultAsync(id);
        body.GetProperty("model_id").GetString().ShouldBe(EmulatorHarness.EditModel);
        body.GetProperty("output").TryGetProperty("image", out _).ShouldBe(image);
        body.GetProperty("output").TryGetProperty("images", out _).ShouldBe(images);
    }

    [Fact]
    public async Task Error_bodies_can_use_message_instead_of_error_message()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.Wire.ErrorMessageField = "message");
        var (status, body) = await emulator.StatusAsync("unknown");
        status.ShouldBe(404);
        body.GetProperty("error_code").GetInt32().ShouldBe(404001);
        body.GetProperty("message").GetString().ShouldNotBeNullOrEmpty();
    }
}
