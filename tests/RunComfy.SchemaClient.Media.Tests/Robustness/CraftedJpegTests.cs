using RunComfy.Media.Headers;
using RunComfy.Media.Probing;
using RunComfy.Media.Sources;
using RunComfy.SchemaClient.Media.Tests.Support;

namespace RunComfy.SchemaClient.Media.Tests.Robustness;

/// <summary>
/// A JPEG of stuffed <c>FF 00</c> pairs with a restart marker every 65,000 bytes and no frame header once took
/// 4.95 million 2-byte steps (1.27 GB handed over) to refuse at 9.9 MB: every marker reset the junk limit. The
/// walk's limits are now totals, and junk is scanned a buffer at a time; these tests count reads and bytes.
/// </summary>
public sealed class CraftedJpegTests
{
    [Theory]
    [InlineData(1_000_000)]
    [InlineData(9_900_000)]
    [InlineData(30_000_000)]
    public async Task Stuffed_zeros_cut_by_restart_markers_are_refused_within_a_bounded_scan(int size)
    {
        var source = new CountingSource(new MemoryByteSource(CraftedJpeg.StuffedZerosWithRestartMarkers(size)));

        var exception = await Should.ThrowAsync<MediaFormatException>(async () => await JpegHeader.ReadAsync(source, CancellationToken.None));

        exception.Message.ShouldContain("junk");
        exception.IsReadLimit.ShouldBeFalse();
        source.Reads.ShouldBeLessThanOrEqualTo(20);
        source.BytesReturned.ShouldBeLessThanOrEqualTo(JpegHeader.MaxJunkBytes + 16 * 1024);
    }

    [Fact]
    public async Task The_junk_limit_is_a_total_that_valid_segments_between_runs_do_not_reset()
    {
        // Three runs of 30,000 junk bytes, each followed by a valid COM segment: 90,000 in all, over the limit.
        var bytes = new Bytes().Add(0xFF, 0xD8);
        for (var run = 0; run < 3; run++)
        {
            bytes.Filled(30_000, 0x12).Add(0xFF, 0xFE, 0x00, 0x04, 0x00, 0x00);
        }

        var source = new CountingSource(new MemoryByteSource(bytes.Add(TestImages.Jpeg(20, 20)[2..]).ToArray()));

        var exception = await Should.ThrowAsync<MediaFormatException>(async () => await JpegHeader.ReadAsync(source, CancellationToken.None));

        exception.Message.ShouldContain("junk");
        exception.Offset.ShouldNotBeNull().ShouldBeGreaterThan(JpegHeader.MaxJunkBytes);
        source.Reads.ShouldBeLessThanOrEqualTo(40);
    }

    [Fact]
    public async Task An_endless_run_of_restart_markers_is_refused()
    {
        var bytes = new Bytes().Add(0xFF, 0xD8);
        for (var marker = 0; marker < 100_000; marker++)
        {
            bytes.Add(0xFF, (byte)(0xD0 + (marker % 8)));
        }

        var source = new CountingSource(new MemoryByteSource(bytes.ToArray()));

        await Should.ThrowAsync<MediaFormatException>(async () => await JpegHeader.ReadAsync(source, CancellationToken.None));

        source.Reads.ShouldBeLessThanOrEqualTo(JpegHeader.MaxSegments + 1);
        source.BytesReturned.ShouldBeLessThanOrEqualTo((JpegHeader.MaxSegments + 1) * 16L);
    }

    [Fact]
    public async Task Junk_before_a_marker_costs_one_buffer_read_not_one_read_per_pair()
    {
        // 20,000 stuffed pairs (40 KB) then the real header: tolerated like libjpeg, in a handful of reads.
        var jpeg = new Bytes().Add(0xFF, 0xD8).Add(CraftedJpeg.StuffedZeros(40_000)).Add(TestImages.Jpeg(64, 48)[2..]).ToArray();
        var source = new CountingSource(new MemoryByteSource(jpeg));

        var dimensions = await JpegHeader.ReadAsync(source, CancellationToken.None);

        (dimensions.Width, dimensions.Height).ShouldBe((64, 48));
        source.Reads.ShouldBeLessThanOrEqualTo(20);
    }

    [Fact]
    public async Task Validation_reports_the_crafted_file_as_an_error_naming_the_item()
    {
        var request = new SequentialEditRequest { Images = [MediaInput.FromBytes(CraftedJpeg.StuffedZerosWithRestartMarkers(9_900_000))] };

        var result = await request.ValidateAsync();

        var error = result.Errors.ShouldHaveSingleItem();
        (error.Path, error.Rule).ShouldBe(("images[0]", "media"));
        error.Message.ShouldContain("junk");
    }

    [Fact]
    public async Task The_prober_refuses_it_as_a_jpeg_with_a_readable_error()
    {
        var source = new CountingSource(new MemoryByteSource(CraftedJpeg.StuffedZerosWithRestartMarkers(2_000_000)));

        var result = await MediaProber.ReadAsync(source, readDimensions: true, CancellationToken.None);

        result.Metadata.MimeType.ShouldBe("image/jpeg");
        result.DimensionsError.ShouldNotBeNull().Message.ShouldContain("junk");
    }
}
