using RunComfy.Cli.Exit;

namespace RunComfy.SchemaClient.Cli.Tests.Commands;

public sealed class ExitCodeMapperTests
{
    [Theory]
    [InlineData(400, 65)]
    [InlineData(402, 65)]
    [InlineData(404, 65)]
    [InlineData(422, 65)]
    [InlineData(401, 77)]
    [InlineData(403, 77)]
    [InlineData(408, 75)]
    [InlineData(429, 75)]
    [InlineData(500, 69)]
    [InlineData(502, 69)]
    [InlineData(503, 69)]
    public void Http_statuses_map_like_the_official_cli(int status, int exitCode) =>
        ExitCodeMapper.ForException(new RunComfyException("x", status)).ShouldBe(exitCode);

    [Theory]
    [InlineData("400004", 77)]
    [InlineData("403001", 77)]
    [InlineData("400002", 65)]
    [InlineData("400001", 65)]
    public void Token_and_ownership_error_codes_are_permission_problems(string errorCode, int exitCode) =>
        ExitCodeMapper.ForException(new RunComfyException("x", 400, errorCode)).ShouldBe(exitCode);

    [Fact]
    public void Other_failures_map_to_their_meaning()
    {
        // Not 75: scripts retry on "try again later", and a retried submit can bill twice.
        ExitCodeMapper.ForException(new SubmitOutcomeUnknownException("m", "timeout")).ShouldBe(76);
        ExitCodeMapper.ForException(new RunComfyTimeoutException("t", TimeSpan.FromSeconds(1))).ShouldBe(75);
        ExitCodeMapper.ForException(new RunComfyException("no answer")).ShouldBe(69);
        ExitCodeMapper.ForException(new HttpRequestException("refused")).ShouldBe(69);
        ExitCodeMapper.ForException(new RequestValidationException("m", [])).ShouldBe(65);
        ExitCodeMapper.ForException(new FileNotFoundException("f")).ShouldBe(66);
        ExitCodeMapper.ForException(new CliException(64, "usage")).ShouldBe(64);
        ExitCodeMapper.ForException(new RunComfyDownloadException(new Uri("https://evil.example"), "refused")).ShouldBe(1);
        ExitCodeMapper.ForException(new RunComfyDownloadException(new Uri("https://cdn.runcomfy.net"), "gone", 503)).ShouldBe(69);
        ExitCodeMapper.ForException(new InvalidOperationException()).ShouldBe(1);
    }
}
