using RunComfy.Client.Wire;

namespace RunComfy.SchemaClient.Tests.Client;

/// <summary>A request id is one safe URL path segment.</summary>
public sealed class RequestIdsTests
{
    [Theory]
    [InlineData("2b4a220a-6f2e-4c3a-9d4b-1f0e2d3c4b5a")]
    [InlineData("req_1.2:3")]
    [InlineData("é猫🐱")]
    [InlineData("...")]
    public void Ordinary_ids_are_safe(string id) => RequestIds.IsSafe(id, out _).ShouldBeTrue();

    [Fact]
    public void Each_unsafe_form_is_refused_with_its_reason()
    {
        // Not theory data: xunit cannot serialise lone surrogates into test case names.
        var cases = new (string? Id, string Reason)[]
        {
            (null, "empty"), ("", "empty"), (".", "path steps"), ("..", "path steps"),
            ("a/b", "'/'"), ("a\\b", "'\\'"), ("a?b", "'?'"), ("a#b", "'#'"), ("a%2e", "'%'"),
            ("a b", "whitespace"), ("a\u00a0b", "whitespace"), ("a\tb", "control"), ("a\u001bb", "control"), ("a\u0085b", "control"),
            ("abc\ud800", "lone surrogate"), ("\udc00", "lone surrogate"), ("a\u202eb", "format"), ("a\u200bb", "format"), ("a\ufffdb", "replacement character"),
            (new string('a', RequestIds.MaxLength + 1), "longer than 256"),
        };

        foreach (var (id, reason) in cases)
        {
            RequestIds.IsSafe(id, out var problem).ShouldBeFalse(RequestIds.Show(id));
            problem.ShouldContain(reason, Case.Insensitive, RequestIds.Show(id));
        }

        RequestIds.IsSafe(new string('a', RequestIds.MaxLength), out _).ShouldBeTrue();
    }

    [Fact]
    public void Validate_names_the_parameter_and_the_rule_and_shows_the_id_escaped()
    {
        var error = Should.Throw<ArgumentException>(() => RequestIds.Validate("x\u001b[2J", "requestId"));

        error.ParamName.ShouldBe("requestId");
        error.Message.ShouldStartWith("'x\\u001b[2J' is not a request id: it has a control character (\\u001b).");
        error.Message.ShouldContain(RequestIds.Rule);
        error.Message.ShouldNotContain("\u001b");
    }
}
