using RunComfy.Emulator.Files;
using RunComfy.Emulator.Jobs;
using RunComfy.Emulator.Models;

namespace RunComfy.Emulator.Outputs;

/// <summary>Creates a finished job's output files (PNG, MP4 or WAV by model kind) and registers them for serving.</summary>
internal sealed class OutputFactory(EmulatorOptions options, FileStore files)
{
    public IReadOnlyList<string> Create(Job job)
    {
        var seed = StringComparer.Ordinal.GetHashCode(job.Id);
        var now = options.TimeProvider.GetUtcNow();
        var width = Math.Max(1, options.OutputImageWidth);
        var height = Math.Max(1, options.OutputImageHeight);
        var paths = new List<string>();
        switch (job.Model.Kind)
        {
            case ModelKind.Video:
                paths.Add(Put(job, "video.mp4", Mp4Writer.Clip(5, PngWriter.Gradient(width, height, seed)), "video/mp4", now));
                break;
            case ModelKind.Audio:
                paths.Add(Put(job, "audio.wav", WavWriter.Tone(0.5, 440 + (seed & 0xFF)), "audio/wav", now));
                break;
            default:
                var count = Math.Max(1, options.OutputImageCount);
                for (var i = 0; i < count; i++) paths.Add(Put(job, $"image-{i}.png", PngWriter.Gradient(width, height, seed + i * 7919), "image/png", now));
                break;
        }
        return paths;
    }

    private string Put(Job job, string name, byte[] content, string contentType, DateTimeOffset now)
    {
        var path = $"/files/{job.Id}/{name}";
        files.Put(path, new ServedFile(content, contentType, now));
        return path;
    }
}
