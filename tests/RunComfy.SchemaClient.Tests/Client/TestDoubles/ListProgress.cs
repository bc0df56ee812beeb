namespace RunComfy.SchemaClient.Tests.Client.TestDoubles;

/// <summary>Collects progress reports synchronously (Progress&lt;T&gt; would post them later).</summary>
public sealed class ListProgress : IProgress<RunProgress>
{
    private readonly List<RunProgress> _reports = [];

    public IReadOnlyList<RunProgress> Reports
    {
        get { lock (_reports) return [.. _reports]; }
    }

    public Action<RunProgress>? OnReport { get; init; }

    public void Report(RunProgress value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }

        OnReport?.Invoke(value);
    }
}
