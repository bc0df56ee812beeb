using System.Buffers.Binary;
using RunComfy.Media.Probing;
using RunComfy.Media.Sources;
using RunComfy.SchemaClient.Media.Tests.Support;

namespace RunComfy.SchemaClient.Media.Tests.Robustness;

/// <summary>
/// Thousands of seeded mutations of valid headers (bit flips, truncations, length fields set to extremes,
/// inserted and deleted bytes): every one either parses or ends in <see cref="MediaFormatException"/>, within
/// bounded reads. The seed is fixed so a failure reproduces.
/// </summary>
public sealed class HeaderFuzzTests
{
    private const int Iterations = 4000;

    private static readonly uint[] Extremes = [0, 1, 2, 0x7F, 0x80, 0xFF, 0xFFFF, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF];

    internal static readonly byte[][] Seeds =
    [
        TestImages.PngRaw(640, 480),
        TestImages.PngRaw(640, 480, cgbi: true),
        TestImages.Jpeg(640, 480, metadataSegments: 2, metadataSegmentLength: 300, exifOrientation: 6),
        TestImages.Jpeg(640, 480, sof: 0xC2, tablesBeforeFrame: false),
        TestImages.WebPLossy(640, 480),
        TestImages.WebPLossless(640, 480),
        TestImages.WebPExtended(640, 480),
        TestImages.Gif(640, 480),
    ];

    [Fact]
    public async Task No_exception_escapes_but_MediaFormatException()
    {
        var random = new Random(20240607);
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < Iterations; i++)
        {
            var seed = Seeds[i % Seeds.Length];
            var mutated = Mutate(seed, random);
            var source = new CountingSource(new MemoryByteSource(mutated));
            string outcome;
            try
            {
                var result = await MediaProber.ReadAsync(source, readDimensions: true, CancellationToken.None);
                outcome = result.DimensionsError is null ? (result.Metadata.Width is null ? "not an image" : "parsed") : "MediaFormatException";
                if (result.Metadata.Width is { } width)
                {
                    width.ShouldBeGreaterThan(0);
                    result.Metadata.Height!.Value.ShouldBeGreaterThan(0);
                }
            }
            catch (Exception exception)
            {
                throw new ShouldAssertException($"Iteration {i} ({Convert.ToHexString(mutated.AsSpan(0, Math.Min(64, mutated.Length)))}) threw {exception}");
            }

            source.BytesReturned.ShouldBeLessThan(256 * 1024, $"iteration {i}");
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        // The mutations must exercise both sides, or the test proves nothing.
        outcomes.GetValueOrDefault("parsed").ShouldBeGreaterThan(Iterations / 10);
        outcomes.GetValueOrDefault("MediaFormatException").ShouldBeGreaterThan(Iterations / 10);
    }

    [Fact]
    public async Task Mutated_data_uris_never_throw_from_ValidateAsync()
    {
        var random = new Random(7);
        for (var i = 0; i < 400; i++)
        {
            var mutated = Mutate(Seeds[i % Seeds.Length], random);
            var dataUri = "data:image/png;base64," + Convert.ToBase64String(mutated);
            var request = new SequentialEditRequest { Images = [dataUri, MediaInput.FromBytes(mutated)] };

            var result = await request.ValidateAsync();

            result.Errors.ShouldAllBe(e => e.Path.StartsWith("images["));
            var payload = dataUri[22..];
            result.Errors.ShouldAllBe(e => payload.Length < 8 || !e.Message.Contains(payload));
        }
    }

    internal static byte[] Mutate(byte[] seed, Random random)
    {
        var data = seed.ToList();
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations && data.Count > 0; m++)
        {
            switch (random.Next(6))
            {
                case 0:
                    // Bit flips, mostly in the header where the parsers look.
                    for (var f = random.Next(1, 8); f > 0; f--)
                    {
                        var at = HeaderBiased(random, data.Count);
                        data[at] ^= (byte)(1 << random.Next(8));
                    }

                    break;
                case 1:
                    // Truncation, anywhere from nothing left to one byte short.
                    data = data.Take(random.Next(data.Count)).ToList();
                    break;
                case 2:
                {
                    // A 16- or 32-bit field, either endianness, set to an extreme.
                    var value = Extremes[random.Next(Extremes.Length)];
                    var width = random.Next(2) == 0 ? 2 : 4;
                    var at = HeaderBiased(random, data.Count);
                    if (at + width > data.Count)
                    {
                        break;
                    }

                    Span<byte> field = stackalloc byte[4];
                    if (random.Next(2) == 0)
                    {
                        BinaryPrimitives.WriteUInt32BigEndian(field, value);
                        field = width == 2 ? field[2..] : field;
                    }
                    else
                    {
                        BinaryPrimitives.WriteUInt32LittleEndian(field, value);
                        field = field[..width];
                    }

                    for (var b = 0; b < field.Length; b++)
                    {
                        data[at + b] = field[b];
                    }

                    break;
                }

                case 3:
                    data.InsertRange(HeaderBiased(random, data.Count), Enumerable.Range(0, random.Next(1, 9)).Select(_ => (byte)random.Next(256)));
                    break;
                case 4:
                {
                    var at = HeaderBiased(random, data.Count);
                    data.RemoveRange(at, Math.Min(random.Next(1, 9), data.Count - at));
                    break;
                }

                default:
                {
                    // A run of one byte value, e.g. a wall of 0xFF fill bytes.
                    var at = HeaderBiased(random, data.Count);
                    var value = (byte)(random.Next(2) == 0 ? 0xFF : random.Next(256));
                    for (var b = at; b < Math.Min(data.Count, at + random.Next(1, 200)); b++)
                    {
                        data[b] = value;
                    }

                    break;
                }
            }
        }

        return [.. data];
    }

    private static int HeaderBiased(Random random, int length) =>
        random.Next(4) == 0 ? random.Next(length) : random.Next(Math.Min(length, 48));
}
