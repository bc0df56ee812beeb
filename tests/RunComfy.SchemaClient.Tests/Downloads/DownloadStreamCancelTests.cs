namespace RunComfy.SchemaClient.Tests.Downloads;

/// <summary>A caller's cancel is reported as a cancellation, however the connection underneath ends.</summary>
public sealed class DownloadStreamCancelTests
{
    [Fact]
    public async Task A_connection_that_fails_with_an_io_error_because_the_caller_cancelled_is_a_cancellation()
    {
        var url = new Uri("https://cdn.runcomfy.net/out.png");
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        using var stream = new RunComfyDownloadStream(url, response, new AbortOnCancelStream(), 1_000, TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource();

        var read = stream.ReadAsync(new byte[16], cancel.Token).AsTask();
        await cancel.CancelAsync();

        // Awaited directly: a cancelled task's own exception (Should.ThrowAsync reports a fresh TaskCanceledException).
        OperationCanceledException? error = null;
        try
        {
            await read;
        }
        catch (OperationCanceledException e)
        {
            error = e;
        }

        error.ShouldNotBeNull();
        error.CancellationToken.ShouldBe(cancel.Token);
        error.InnerException.ShouldBeOfType<IOException>();
    }

    [Fact]
    public async Task An_io_error_without_a_cancel_is_still_a_broken_connection()
    {
        var url = new Uri("https://cdn.runcomfy.net/out.png");
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        using var stream = new RunComfyDownloadStream(url, response, new AbortOnCancelStream(failAtOnce: true), 1_000, TimeSpan.FromSeconds(30));

        var error = await Should.ThrowAsync<RunComfyDownloadException>(() => stream.ReadAsync(new byte[16]).AsTask());

        error.Message.ShouldContain("the connection broke");
    }

    /// <summary>Like a socket stream whose connection is disposed on cancel: the pending read fails with an IOException.</summary>
    private sealed class AbortOnCancelStream(bool failAtOnce = false) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!failAtOnce)
            {
                var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                await using var registration = cancellationToken.Register(() => aborted.TrySetResult());
                await aborted.Task.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
            }

            throw new IOException("Unable to read data from the transport connection: Operation canceled.");
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
