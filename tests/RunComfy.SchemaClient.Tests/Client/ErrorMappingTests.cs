using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Client;

/// <summary>Every documented error body becomes a <see cref="RunComfyException"/> that says what happened.</summary>
public sealed class ErrorMappingTests
{
    private readonly FakeHttpHandler _handler = new();

    [Theory]
    [InlineData(400, 400001, "invalid resource id")]
    [InlineData(400, 400002, "no balance left")]
    [InlineData(402, 400002, "no balance left")]
    [InlineData(401, 400004, "token is missing, expired or revoked")]
    [InlineData(403, 403001, "belongs to another user")]
    [InlineData(404, 404001, "unknown, deleted or expired")]
    public async Task Each_documented_code_has_a_clear_message(int status, int code, string expected)
    {
        _handler.Status.Json(status, Wire.Error(code, "server says no"));
        using var client = TestClient.Create(_handler);

        var error = await Should.ThrowAsync<RunComfyException>(() => client.GetStatusAsync("r1"));

        error.Status.ShouldBe(status);
        error.ErrorCode.ShouldBe(code.ToString());
        error.ServerMessage.ShouldBe("server says no");
        error.RequestId.ShouldBe("r1");
        error.Message.ShouldContain(expected);
        error.Message.ShouldContain($"error {code}");
        error.Message.ShouldContain("server says no");
    }

    [Theory]
    [InlineData(401, "token was rejected")]
    [InlineData(402, "insufficient balance")]
    [InlineData(403, "access denied")]
    [InlineData(404, "not found")]
    public async Task Plain_http_errors_have_a_clear_message(int status, string expected)
    {
        _handler.Status.Json(status, """{"detail":"Not authenticated"}""");
        using var client = TestClient.Create(_handler);

        var error = await Should.ThrowAsync<RunComfyException>(() => client.GetStatusAsync("r1"));

        error.Status.ShouldBe(status);
        error.ErrorCode.ShouldBeNull();
        error.Message.ShouldContain(expected);
        error.ServerMessage.ShouldBe("Not authenticated");
        error.Detail.ShouldBe("\"Not authenticated\"");
    }

    [Fact]
    public async Task A_5xx_after_the_retries_is_a_server_error()
    {
        _handler.Result.Json(500, """{"error_message":"db down"}""");
        using var client = TestClient.Create(_handler, configure: o => o.Retry.MaxRetries = 0);

        var error = await Should.ThrowAsync<RunComfyException>(() => client.GetResultAsync("r1"));

        error.Message.ShouldContain("RunComfy server error");
        error.IsTransient.ShouldBeTrue();
    }

    [Fact]
    public async Task A_detail_array_names_every_bad_field()
    {
        _handler.Submit.Json(422, """
            {"detail":[
              {"loc":["body","prompt"],"msg":"String should have at most 600 characters","type":"string_too_long"},
              {"loc":["body","images",3],"msg":"Invalid URL","type":"url_parsing"},
              {"field":"resolution","message":"not an allowed value"}
            ]}
            """);
        using var client = TestClient.Create(_handler);

        var error = await Should.ThrowAsync<RunComfyException>(() => client.SubmitAsync(TestSeedreamEditRequest.Valid()));

        error.Status.ShouldBe(422);
        error.FieldErrors.Select(f => f.Field).ShouldBe(["prompt", "images.3", "resolution"]);
        error.FieldErrors[0].Message.ShouldBe("String should have at most 600 characters");
        error.FieldErrors[0].Type.ShouldBe("string_too_long");
        error.Message.ShouldContain("prompt: String should have at most 600 characters");
        error.Message.ShouldContain("input was rejected");
        error.Detail!.ShouldStartWith("[");
    }

    [Fact]
    public async Task A_detail_object_is_kept_and_read()
    {
        _handler.Submit.Json(400, """{"error_code":"400001","message":"bad model","detail":{"field":"model_id","message":"unknown"}}""");
        using var client = TestClient.Create(_handler);

        var error = await Should.ThrowAsync<RunComfyException>(() => client.SubmitAsync(TestSeedreamEditRequest.Valid()));

        error.ErrorCode.ShouldBe("400001");
        error.ServerMessage.ShouldBe("bad model");
        error.FieldErrors.ShouldHaveSingleItem().ShouldBe(new RunComfyFieldError("model_id", "unknown", null));
        error.Detail.ShouldBe("""{"field":"model_id","message":"unknown"}""");
    }

    [Theory]
    [InlineData("error_message")]
    [InlineData("message")]
    public async Task Http_200_with_an_error_code_is_an_error(string messageField)
    {
        _handler.Status.Ok(Wire.Error(400004, "token revoked", messageField));
        using var client = TestClient.Create(_handler);

        var error = await Should.ThrowAsync<RunComfyException>(() => client.GetStatusAsync("r1"));

        error.Status.ShouldBe(200);
        error.ErrorCode.ShouldBe("400004");
        error.ServerMessage.ShouldBe("token revoked");
        error.IsTransient.ShouldBeFalse();
        _handler.Status.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task A_non_json_error_body_is_quoted_in_the_message()
    {
        _handler.Cancel.Text(418, "I'm a teapot");
        using var client = TestClient.Create(_handler);

        var error = await Should.ThrowAsync<RunComfyException>(() => client.CancelAsync("r1"));

        error.Status.ShouldBe(418);
        error.Message.ShouldContain("I'm a teapot");
        error.Message.ShouldContain("unexpected answer");
    }

    [Fact]
    public async Task An_error_code_can_be_filtered_with_the_constants()
    {
        _handler.Submit.Json(400, Wire.Error(400002, "top up"));
        using var client = TestClient.Create(_handler);

        var caught = false;
        try
        {
            await client.SubmitAsync(TestSeedreamEditRequest.Valid());
        }
        catch (RunComfyException e) when (e.ErrorCode == RunComfyErrorCodes.InsufficientBalance)
        {
            caught = true;
        }

        caught.ShouldBeTrue();
    }
}
