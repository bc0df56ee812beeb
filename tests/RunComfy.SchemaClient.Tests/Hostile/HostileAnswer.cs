using System.Globalization;
using System.Text;

namespace RunComfy.SchemaClient.Tests.Hostile;

/// <summary>
/// One scripted answer of the <see cref="HostileServer"/>, written to the socket byte for byte: any status
/// code and reason phrase, any headers (a Retry-After as seconds or as an HTTP date), and a raw body
/// (invalid UTF-8, lone-surrogate JSON escapes, truncated JSON...).
/// </summary>
public sealed class HostileAnswer
{
    private readonly List<(string Name, string Value)> _headers = [];

    private HostileAnswer(int status, byte[] body, string? contentType)
    {
        Status = status;
        Body = body;
        if (contentType is not null)
        {
            _headers.Add(("Content-Type", contentType));
        }
    }

    public int Status { get; }

    /// <summary>The reason phrase after the status code; by default a plain one.</summary>
    public string Reason { get; private set; } = "Answer";

    public byte[] Body { get; }

    public IReadOnlyList<(string Name, string Value)> Headers => _headers;

    /// <summary>A JSON body (UTF-8; escapes such as <c>\ud800</c> are kept as written).</summary>
    public static HostileAnswer Json(int status, string json) => new(status, Encoding.UTF8.GetBytes(json), "application/json");

    /// <summary>Any bytes as the body.</summary>
    public static HostileAnswer Bytes(int status, byte[] body, string contentType = "application/octet-stream") => new(status, body, contentType);

    /// <summary>A text body.</summary>
    public static HostileAnswer Text(int status, string text) => new(status, Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8");

    public HostileAnswer WithReason(string reason)
    {
        Reason = reason;
        return this;
    }

    /// <summary>Replaces the whole status line (e.g. one that is not HTTP at all).</summary>
    public HostileAnswer WithStatusLine(string line)
    {
        StatusLine = line;
        return this;
    }

    /// <summary>The status line written instead of <c>HTTP/1.1 {Status} {Reason}</c>, when set.</summary>
    public string? StatusLine { get; private set; }

    public HostileAnswer WithHeader(string name, string value)
    {
        _headers.Add((name, value));
        return this;
    }

    /// <summary><c>Retry-After</c> in seconds, written as given (so out-of-range values can be sent).</summary>
    public HostileAnswer WithRetryAfter(string seconds) => WithHeader("Retry-After", seconds);

    /// <summary><c>Retry-After</c> as an HTTP date.</summary>
    public HostileAnswer WithRetryAfter(DateTimeOffset date) => WithHeader("Retry-After", date.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture));

    /// <summary>The status line and headers as sent (Content-Length and Connection: close added).</summary>
    internal byte[] Head()
    {
        var head = new StringBuilder($"{StatusLine ?? $"HTTP/1.1 {Status} {Reason}"}\r\n");
        foreach (var (name, value) in _headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("Content-Length: ").Append(Body.Length).Append("\r\nConnection: close\r\n\r\n");
        return Encoding.UTF8.GetBytes(head.ToString());
    }
}
