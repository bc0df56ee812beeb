using System.Text.RegularExpressions;

namespace RunComfy.SchemaClient.Tests.Hostile;

/// <summary>The scripted answers of one method and path pattern: given in order, the last one repeated.</summary>
public sealed class HostileRoute
{
    private readonly Regex _path;
    private readonly Queue<HostileAnswer> _answers = new();
    private HostileAnswer? _last;

    /// <param name="method">The HTTP method.</param>
    /// <param name="pattern">A path where <c>*</c> matches any run of characters (<c>/v1/requests/*/status</c>).</param>
    internal HostileRoute(string method, string pattern)
    {
        Method = method;
        _path = new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
    }

    public string Method { get; }

    /// <summary>Queues an answer.</summary>
    public HostileRoute Answer(HostileAnswer answer)
    {
        lock (_answers)
        {
            _answers.Enqueue(answer);
        }

        return this;
    }

    internal bool Matches(string method, string path) => string.Equals(method, Method, StringComparison.OrdinalIgnoreCase) && _path.IsMatch(path);

    internal HostileAnswer Next()
    {
        lock (_answers)
        {
            if (_answers.TryDequeue(out var next))
            {
                _last = next;
            }

            return _last ?? HostileAnswer.Json(500, """{"error_code":500000,"error_message":"no answer scripted"}""");
        }
    }
}
