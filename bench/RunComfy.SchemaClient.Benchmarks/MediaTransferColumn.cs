using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace RunComfy.SchemaClient.Benchmarks;

/// <summary>
/// Bytes transferred by each benchmark of <see cref="MediaProbeBenchmarks"/>: the whole file for the download
/// baseline, the server-counted body bytes of a validation for the probe, against the file size and the floor.
/// </summary>
internal sealed class MediaTransferColumn(MediaTransferColumn.Kind kind) : IColumn
{
    public enum Kind
    {
        FileSize,
        Floor,
        Transferred,
        TransferredPerSize,
        TransferredOverFloor,
        Requests,
    }

    public string Id => $"{nameof(MediaTransferColumn)}.{kind}";

    public string ColumnName => kind switch
    {
        Kind.FileSize => "File bytes",
        Kind.Floor => "Floor bytes",
        Kind.Transferred => "Transferred",
        Kind.TransferredPerSize => "Transferred/File",
        Kind.TransferredOverFloor => "Transferred-Floor",
        _ => "Requests",
    };

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => (int)kind;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => kind switch
    {
        Kind.FileSize => "Size of the remote file",
        Kind.Floor => "Offset where the width and height are known: the least any reader must fetch",
        Kind.Transferred => "Response body bytes the server wrote for one operation",
        Kind.TransferredPerSize => "Transferred / file size",
        Kind.TransferredOverFloor => "Transferred minus the floor (negative: under the floor, by seeking past skipped segments)",
        _ => "HTTP requests for one operation",
    };

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var file = (string)benchmarkCase.Parameters[nameof(MediaProbeBenchmarks.File)];
        var measured = MediaProbeMeasurements.Measure(file);
        var isDownload = benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(MediaProbeBenchmarks.DownloadWhole);
        var transferred = isDownload ? measured.FileSize : measured.Transferred;
        var invariant = CultureInfo.InvariantCulture;
        return kind switch
        {
            Kind.FileSize => measured.FileSize.ToString("N0", invariant),
            Kind.Floor => measured.Floor.ToString("N0", invariant),
            Kind.Transferred => transferred.ToString("N0", invariant),
            Kind.TransferredPerSize => ((double)transferred / measured.FileSize).ToString("0.0000", invariant),
            Kind.TransferredOverFloor => (transferred - measured.Floor).ToString("N0", invariant),
            _ => (isDownload ? 1 : measured.Requests).ToString(invariant),
        };
    }

    public override string ToString() => ColumnName;
}
