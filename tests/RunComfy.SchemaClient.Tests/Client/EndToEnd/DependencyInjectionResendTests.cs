using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RunComfy.Emulator;
using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Client.EndToEnd;

/// <summary>
/// Retry handlers added to the factory client (the Aspire ServiceDefaults template adds a standard resilience
/// handler to every client through ConfigureHttpClientDefaults) must never resend a submit.
/// </summary>
public sealed class DependencyInjectionResendTests
{
    public enum Registration
    {
        DefaultsBeforeAddRunComfy,
        DefaultsAfterAddRunComfy,
        ReturnedBuilder,
    }

    [Theory]
    [InlineData(Registration.DefaultsBeforeAddRunComfy)]
    [InlineData(Registration.DefaultsAfterAddRunComfy)]
    [InlineData(Registration.ReturnedBuilder)]
    public async Task A_retrying_handler_cannot_resend_a_submit_answered_500_after_acceptance(Registration registration)
    {
        await using var emulator = await ClientEmulator.StartAsync(o => o.Faults.Enqueue(EmulatorEndpoint.Submit, FaultKind.InternalServerError, FaultTiming.AfterAccept));
        var retrier = new RetryingHandler();
        await using var provider = BuildProvider(emulator, registration, retrier);
        var client = provider.GetRequiredService<RunComfyClient>();

        var error = await Should.ThrowAsync<SubmitOutcomeUnknownException>(
            () => client.RunAsync(TestSeedreamEditRequest.Valid("di resend 500"), ClientEmulator.Run()));

        emulator.TotalSubmissions.ShouldBe(1);
        emulator.DuplicateSubmissions.ShouldBe(0);
        retrier.Attempts.ShouldBeGreaterThan(1, "the handler did try to resend");
        error.Reason.ShouldContain("tried to send the submit again");
    }

    [Fact]
    public async Task A_retrying_handler_still_retries_status_reads()
    {
        await using var emulator = await ClientEmulator.StartAsync(o => o.Faults.Enqueue(EmulatorEndpoint.Status, FaultKind.InternalServerError, count: 2));
        var retrier = new RetryingHandler();
        await using var provider = BuildProvider(emulator, Registration.DefaultsBeforeAddRunComfy, retrier, clientRetries: 0);
        var client = provider.GetRequiredService<RunComfyClient>();

        var result = await client.RunAsync(TestSeedreamEditRequest.Valid("di read retry"), ClientEmulator.Run());

        result.State.ShouldBe(RunComfyRequestState.Completed);
        emulator.TotalSubmissions.ShouldBe(1);
    }

    [Fact]
    public async Task A_retrying_handler_may_resend_a_submit_the_server_refused_with_429()
    {
        await using var emulator = await ClientEmulator.StartAsync(o =>
        {
            o.Faults.RetryAfterSeconds = 0;
            o.Faults.Enqueue(EmulatorEndpoint.Submit, FaultKind.TooManyRequests);
        });
        var retrier = new RetryingHandler(retryOn429: true);
        await using var provider = BuildProvider(emulator, Registration.DefaultsBeforeAddRunComfy, retrier, clientRetries: 0);
        var client = provider.GetRequiredService<RunComfyClient>();

        var result = await client.RunAsync(TestSeedreamEditRequest.Valid("di 429 resend"), ClientEmulator.Run());

        result.State.ShouldBe(RunComfyRequestState.Completed);
        emulator.TotalSubmissions.ShouldBe(1);
        retrier.Attempts.ShouldBeGreaterThan(1);
    }

    private static ServiceProvider BuildProvider(EmulatorServer emulator, Registration registration, RetryingHandler retrier, int? clientRetries = null)
    {
        var services = new ServiceCollection();
        if (registration == Registration.DefaultsBeforeAddRunComfy)
        {
            services.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => retrier));
        }

        var builder = services.AddRunComfy(o =>
        {
            var defaults = ClientEmulator.Options(emulator.BaseAddress);
            o.Token = ClientEmulator.Token;
            o.BaseAddress = defaults.BaseAddress;
            o.PollInterval = defaults.PollInterval;
            o.MaxPollInterval = defaults.MaxPollInterval;
            o.MediaValidation = defaults.MediaValidation;
            o.Retry.Delay = defaults.Retry.Delay;
            o.Retry.MaxDelay = defaults.Retry.MaxDelay;
            if (clientRetries is { } retries)
            {
                o.Retry.MaxRetries = retries;
            }
        });
        if (registration == Registration.ReturnedBuilder)
        {
            builder.AddHttpMessageHandler(() => retrier);
        }

        if (registration == Registration.DefaultsAfterAddRunComfy)
        {
            services.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => retrier));
        }

        return services.BuildServiceProvider();
    }

    /// <summary>Like a standard resilience handler: resends the same message on 5xx, 408, timeouts and network errors.</summary>
    private sealed class RetryingHandler(bool retryOn429 = false) : DelegatingHandler
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                Interlocked.Increment(ref _attempts);
                try
                {
                    var response = await base.SendAsync(request, cancellationToken);
                    var retry = (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout
                                || (retryOn429 && response.StatusCode == HttpStatusCode.TooManyRequests);
                    if (!retry || attempt == 3)
                    {
                        return response;
                    }

                    response.Dispose();
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && attempt < 3)
                {
                }
            }
        }
    }
}
