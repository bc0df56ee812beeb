using RunComfy.Downloads;

namespace RunComfy.SchemaClient.Tests.Downloads;

/// <summary>
/// The output folder's failures (a file where the folder should be, a folder that cannot be written, a folder where
/// the file should go) are download errors naming the output by its sanitised name, never the URL's query, with the
/// file system's exception inside; nothing partial stays behind.
/// </summary>
public sealed class OutputFolderFailureTests : IAsyncLifetime
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 1, 2, 3, 4];
    private readonly TempFolder _folder = new();
    private DownloadServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await DownloadServer.StartAsync();
        _server.Serve("/out/cat.png", Png);
        _server.Serve("/out/dog.png", Png);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("outputs")]
    [InlineData("outputs", "today")]
    public async Task A_file_where_the_output_folder_should_be_is_a_download_error(params string[] folder)
    {
        var blocker = _folder.Combine("outputs");
        await File.WriteAllTextAsync(blocker, "mine");

        var error = await Should.ThrowAsync<RunComfyDownloadException>(() => Output("/out/cat.png?X-Amz-Signature=secret").DownloadAsync(_folder.Combine(folder), Options()));

        error.Message.ShouldStartWith($"Could not save {_server.Url("/out/cat.png")} as 'cat.png': '{blocker}' is a file, not a folder");
        error.Message.ShouldEndWith("; nothing was written.");
        error.Message.ShouldNotContain("secret");
        error.InnerException.ShouldBeAssignableTo<IOException>();
        _folder.Entries.ShouldBe([blocker]);
        (await File.ReadAllTextAsync(blocker)).ShouldBe("mine");
    }

    [Fact]
    public async Task A_folder_that_cannot_be_written_is_a_download_error_and_keeps_nothing()
    {
        using var readOnly = new UnwritableFolder();

        var error = await Should.ThrowAsync<RunComfyDownloadException>(() => Output("/out/cat.png?token=secret").DownloadAsync(readOnly.Path, Options()));

        error.Message.ShouldStartWith($"Could not save {_server.Url("/out/cat.png")} as 'cat.png': ");
        error.Message.ShouldContain($"the output folder '{readOnly.Path}'");
        error.Message.ShouldEndWith("; nothing was written.");
        error.Message.ShouldNotContain("secret");
        error.Message.ShouldNotContain(".part");
        (error.InnerException is IOException or UnauthorizedAccessException).ShouldBeTrue(error.InnerException?.GetType().Name);
        readOnly.PartialFiles.ShouldBeEmpty();
        File.Exists(Path.Combine(readOnly.Path, "cat.png")).ShouldBeFalse();
    }

    [Fact]
    public async Task Replacing_a_folder_of_the_same_name_is_a_download_error_and_the_folder_stays()
    {
        var folder = Directory.CreateDirectory(_folder.Combine("cat.png")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "inside.txt"), "mine");

        var error = await Should.ThrowAsync<RunComfyDownloadException>(() => Output("/out/cat.png?sig=secret").DownloadAsync(_folder.Path, Options(o => o.Overwrite = DownloadOverwrite.Replace)));

        error.Message.ShouldBe($"Could not save {_server.Url("/out/cat.png")} as 'cat.png': a folder named 'cat.png' is in the output folder '{_folder.Path}' and a file cannot replace it; nothing was downloaded.");
        // Found from the URL's name, before paying for the transfer.
        _server.Requests.ShouldBeEmpty();
        _folder.Entries.Order(StringComparer.Ordinal).ShouldBe([folder, Path.Combine(folder, "inside.txt")]);
        (await File.ReadAllTextAsync(Path.Combine(folder, "inside.txt"))).ShouldBe("mine");
    }

    [Fact]
    public async Task Replacing_a_folder_named_by_the_server_is_a_download_error_once_downloaded_and_the_folder_stays()
    {
        _server.Serve("/out/x", Png, contentDisposition: "attachment; filename=\"cat.png\"");
        var folder = Directory.CreateDirectory(_folder.Combine("cat.png")).FullName;

        var error = await Should.ThrowAsync<RunComfyDownloadException>(() => Output("/out/x?sig=secret").DownloadAsync(_folder.Path, Options(o => o.Overwrite = DownloadOverwrite.Replace)));

        error.Message.ShouldBe($"Could not save {_server.Url("/out/x")} as 'cat.png': a folder named 'cat.png' is in the output folder '{_folder.Path}' and a file cannot replace it; the downloaded file was removed.");
        _folder.Entries.ShouldBe([folder]);
    }

    [Fact]
    public async Task A_folder_in_the_way_stops_the_call_at_that_output_and_keeps_the_files_before_it()
    {
        Directory.CreateDirectory(_folder.Combine("cat.png"));

        await Should.ThrowAsync<RunComfyDownloadException>(() => Output("/out/dog.png", "/out/cat.png", "/out/dog.png").DownloadAsync(_folder.Path, Options(o => o.Overwrite = DownloadOverwrite.Replace)));

        // As documented: in order, stopping at the first failure; the complete file stays, the third is never fetched.
        (await File.ReadAllBytesAsync(_folder.Combine("dog.png"))).ShouldBe(Png);
        _server.Requests.Select(r => r.Path).ShouldBe(["/out/dog.png"]);
        Directory.EnumerateFiles(_folder.Path, "*.part").ShouldBeEmpty();
    }

    [Fact]
    public async Task Keeping_both_goes_around_a_folder_of_the_same_name()
    {
        Directory.CreateDirectory(_folder.Combine("cat.png"));

        var file = (await Output("/out/cat.png").DownloadAsync(_folder.Path, Options())).Single();

        file.Path.ShouldBe(_folder.Combine("cat-1.png"));
        (await File.ReadAllBytesAsync(file.Path)).ShouldBe(Png);
    }

    private RequestOutput Output(params string[] paths) => new() { AllUrls = [.. paths.Select(_server.Url)] };

    private DownloadOptions Options(Action<DownloadOptions>? configure = null)
    {
        var options = new DownloadOptions();
        options.TrustedOrigins.Add(_server.BaseAddress);
        configure?.Invoke(options);
        return options;
    }
}
