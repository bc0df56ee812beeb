using System.Net.Http.Headers;
using RunComfy.Emulator;

namespace RunComfy.SchemaClient.Tests.Emulator;

public sealed class EmulatorAuthTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task A_missing_or_wrong_token_answers_401_with_400004(string? token)
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        using var client = emulator.NewClient(token);

        foreach (var call in new Func<Task<HttpResponseMessage>>[]
        {
            () => emulator.SubmitAsync(EmulatorHarness.EditBody(), client: client),
            () => client.GetAsync("v1/requests/00000000-0000-0000-0000-000000000000/status"),
            () => client.GetAsync("v1/requests/00000000-0000-0000-0000-000000000000/result"),
            () => client.PostAsync("v1/requests/00000000-0000-0000-0000-000000000000/cancel", null),
            () => client.GetAsync("v1/models"),
            () => client.GetAsync($"v1/models/{EmulatorHarness.EditModel}"),
        })
        {
            using var response = await call();
            var body = await EmulatorHarness.ReadJsonAsync(response);
            ((int)response.StatusCode).ShouldBe(401);
            body.GetProperty("error_code").GetInt32().ShouldBe(400004);
            body.GetProperty("error_message").GetString().ShouldNotBeNullOrEmpty();
        }
        emulator.Server.TotalSubmissions.ShouldBe(0);
        emulator.Server.Stats.AuthFailures.ShouldBe(6);
    }

    [Fact]
    public async Task A_token_outside_the_bearer_scheme_is_refused_and_never_echoed()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.Token = "secret-token-123");
        using var client = emulator.NewClient(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "secret-token-123");

        using var response = await client.GetAsync("v1/models");
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(401);
        text.ShouldContain("400004");
        text.ShouldNotContain("secret-token-123");
    }

    [Fact]
    public async Task The_auth_failure_status_and_message_field_are_selectable()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o =>
        {
            o.Wire.AuthFailureStatusCode = 403;
            o.Wire.ErrorMessageField = "message";
        });
        using var client = emulator.NewClient("nope");

        var (status, body) = await emulator.GetAsync("v1/models", client);
        status.ShouldBe(403);
        body.GetProperty("error_code").GetInt32().ShouldBe(400004);
        body.GetProperty("message").GetString().ShouldNotBeNullOrEmpty();
        body.TryGetProperty("error_message", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Another_users_request_answers_403001_and_cannot_be_cancelled()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.AdditionalTokens.Add("second-user"));
        var id = await emulator.SubmitOkAsync();
        using var other = emulator.NewClient("second-user");

        foreach (var (status, body) in new[]
        {
            await emulator.GetAsync($"v1/requests/{id}/status", other),
            await emulator.GetAsync($"v1/requests/{id}/result", other),
            await emulator.PostAsync($"v1/requests/{id}/cancel", other),
        })
        {
            status.ShouldBe(403);
            body.GetProperty("error_code").GetInt32().ShouldBe(403001);
        }
        var (_, own) = await emulator.StatusAsync(id);
        own.GetProperty("status").GetString().ShouldBe("in_queue");

        // The second user can submit and see its own job.
        using var response = await emulator.SubmitAsync(EmulatorHarness.EditBody("second"), client: other);
        var submitted = await EmulatorHarness.ReadJsonAsync(response);
        var (ownStatus, _) = await emulator.GetAsync($"v1/requests/{submitted.GetProperty("request_id").GetString()}/status", other);
        ownStatus.ShouldBe(200);
    }

    [Fact]
    public async Task An_unknown_request_id_answers_404001()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        foreach (var (status, body) in new[]
        {
            await emulator.StatusAsync("no-such-request"),
            await emulator.ResultAsync("no-such-request"),
            await emulator.CancelAsync("no-such-request"),
        })
        {
            status.ShouldBe(404);
            body.GetProperty("error_code").GetInt32().ShouldBe(404001);
        }
    }

    [Fact]
    public async Task An_expired_request_answers_404001()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var id = await emulator.SubmitOkAsync();

        emulator.Server.ExpireRequest(id).ShouldBeTrue();
        emulator.Server.ExpireRequest(id).ShouldBeFalse();
        var (status, body) = await emulator.StatusAsync(id);
        status.ShouldBe(404);
        body.GetProperty("error_code").GetInt32().ShouldBe(404001);
    }

    [Fact]
    public async Task An_unknown_model_answers_400001()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        using var response = await emulator.SubmitAsync(EmulatorHarness.EditBody(), model: "nobody/no-model/edit");
        var body = await EmulatorHarness.ReadJsonAsync(response);

        ((int)response.StatusCode).ShouldBe(400);
        body.GetProperty("error_code").GetInt32().ShouldBe(400001);
        body.GetProperty("error_message").GetString()!.ShouldContain("nobody/no-model/edit");
        emulator.Server.TotalSubmissions.ShouldBe(0);
    }
}
