using System.Text.Json;
using RunComfy.Emulator;
using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Client.EndToEnd;

/// <summary>The emulator's error bodies for every documented code, as the client reports them.</summary>
public sealed class EndToEndErrorTests
{
    [Fact]
    public async Task An_unknown_model_is_400001()
    {
        await using var emulator = await ClientEmulator.StartAsync();
        using var client = ClientEmulator.Client(emulator);
        var request = new TestSeedreamEditRequest { ModelId = "bytedance/no-such-model", Prompt = "p", Images = ["https://example.com/a.png"] };

        var error = await Should.ThrowAsync<RunComfyException>(() => client.SubmitAsync(request));

        error.ShouldNotBeOfType<SubmitOutcomeUnknownException>();
        error.Status.ShouldBe(400);
        error.ErrorCode.ShouldBe(RunComfyErrorCodes.InvalidResourceId);
        error.Message.ShouldContain("check the model id");
    }

    [Theory]
    [InlineData(400)]
    [InlineData(402)]
    public async Task No_balance_is_400002_and_nothing_is_queued(int httpStatus)
    {
        await using var emulator = await ClientEmulator.StartAsync(o =>
        {
            o.Wire.NoBalanceStatusCode = httpStatus;
            o.Faults.Enqueue(EmulatorEndpoint.Submit, FaultKind.NoBalance);
        });
        using var client = ClientEmulator.Client(emulator);

        var error = await Should.ThrowAsync<RunComfyException>(() => client.RunAsync(TestSeedreamEditRequest.Valid("broke"), ClientEmulator.Run()));

        error.Status.ShouldBe(httpStatus);
        error.ErrorCode.ShouldBe(RunComfyErrorCodes.InsufficientBalance);
        error.Message.ShouldContain("top up");
        emulator.TotalSubmissions.ShouldBe(0);
        emulator.Stats.SubmitCalls.ShouldBe(1);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task A_wrong_token_is_400004_and_is_never_echoed(int httpStatus)
    {
        await using var emulator = await ClientEmulator.StartAsync(o => o.Wire.AuthFailureStatusCode = httpStatus);
        var logger = new ListLogger();
        using var client = ClientEmulator.Client(emulator, token: "wrong_S3CR3T_value", logger: logger);

        var error = await Should.ThrowAsync<RunComfyException>(() => client.SubmitAsync(TestSeedreamEditRequest.Valid("who am i")));

        error.Status.ShouldBe(httpStatus);
        error.ErrorCode.ShouldBe(RunComfyErrorCodes.AccountOrTokenProblem);
        error.ToString().ShouldNotContain("wrong_S3CR3T_value");
        logger.AllText.ShouldNotContain("wrong_S3CR3T_value");
        emulator.Stats.AuthFailures.ShouldBe(1);
    }

    [Fact]
    public async Task Another_users_request_is_403001()
    {
        await using var emulator = await ClientEmulator.StartAsync(o => o.AdditionalTokens.Add("other_user_token"));
        using var owner = ClientEmulator.Client(emulator);
        using var stranger = ClientEmulator.Client(emulator, token: "other_user_token");
        var handle = await owner.SubmitAsync(TestSeedreamEditRequest.Valid("mine"));

        var error = await Should.ThrowAsync<RunComfyException>(() => stranger.GetStatusAsync(handle.RequestId));

        error.Status.ShouldBe(403);
        error.ErrorCode.ShouldBe(RunComfyErrorCodes.RequestOfAnotherUser);
        error.RequestId.ShouldBe(handle.RequestId);
    }

    [Fact]
    public async Task An_unknown_or_expired_request_is_404001_for_status_result_cancel_and_wait()
    {
        await using var emulator = await ClientEmulator.StartAsync();
        using var client = ClientEmulator.Client(emulator);
        var handle = await client.SubmitAsync(TestSeedreamEditRequest.Valid("expiring"));
        emulator.ExpireRequest(handle.RequestId).ShouldBeTrue();

        var errors = new[]
        {
            await Should.ThrowAsync<RunComfyException>(() => client.GetStatusAsync(handle.RequestId)),
            await Should.ThrowAsync<RunComfyException>(() => client.GetResultAsync(handle.RequestId)),
            await Should.ThrowAsync<RunComfyException>(() => client.CancelAsync(handle.RequestId)),
            await Should.ThrowAsync<RunComfyException>(() => client.WaitAsync("never-existed", ClientEmulator.Run())),
        };

        errors.ShouldAllBe(e => e.Status == 404 && e.ErrorCode == RunComfyErrorCodes.RequestNotFound);
        errors[0].Message.ShouldContain("unknown, deleted or expired");
    }

    [Theory]
    [InlineData(422)]
    [InlineData(400)]
    public async Task Input_the_server_rejects_names_every_bad_field(int httpStatus)
    {
        await using var emulator = await ClientEmulator.StartAsync(o => o.Wire.ValidationStatusCode = httpStatus);
        using var client = ClientEmulator.Client(emulator);

        // A request whose own checks are lax, so the server's validation is what answers.
        var error = await Should.ThrowAsync<RunComfyException>(() => client.SubmitAsync(new LaxRequest(new string('x', 700), images: [])));

        error.Status.ShouldBe(httpStatus);
        error.FieldErrors.Select(f => f.Field).ShouldContain("prompt");
        error.FieldErrors.Select(f => f.Field).ShouldContain("images");
        error.Detail.ShouldNotBeNull();
        emulator.TotalSubmissions.ShouldBe(0);
        emulator.Stats.ValidationFailures.ShouldBe(1);
    }

    /// <summary>Writes what it is given and validates nothing.</summary>
    private sealed class LaxRequest(string prompt, string[] images) : IRunComfyRequest
    {
        public string ModelId => "bytedance/seedream-4-0/edit";

        public ValidationResult Validate() => ValidationResult.Success;

        public void WriteJson(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteString("prompt", prompt);
            writer.WriteStartArray("images");
            foreach (var image in images)
            {
                writer.WriteStringValue(image);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        public IReadOnlyList<MediaField> GetMediaFields() => [];
    }
}
