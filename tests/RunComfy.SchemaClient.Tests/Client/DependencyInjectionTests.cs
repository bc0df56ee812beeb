using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Client;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task AddRunComfy_registers_one_client_that_sends_through_the_factory_client_with_the_options()
    {
        var handler = new FakeHttpHandler();
        handler.Status.Ok(Wire.Status("r1", "in_progress"));
        var logger = new ListLogger();
        var services = new ServiceCollection();
        services.AddSingleton<ILogger<RunComfyClient>>(logger);
        services
            .AddRunComfy(o =>
            {
                o.Token = TestClient.Token;
                o.BaseAddress = new Uri("http://127.0.0.1:5199");
            })
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<RunComfyClient>();
        var status = await client.GetStatusAsync("r1");

        provider.GetRequiredService<RunComfyClient>().ShouldBeSameAs(client);
        status.State.ShouldBe(RunComfyRequestState.InProgress);
        var sent = handler.Requests.ShouldHaveSingleItem();
        sent.Uri.ShouldBe(new Uri("http://127.0.0.1:5199/v1/requests/r1/status"));
        sent.Authorization.ShouldBe("Bearer " + TestClient.Token);
        logger.AllText.ShouldContain("r1");
    }

    [Fact]
    public async Task AddRunComfy_works_without_logging_registered()
    {
        var handler = new FakeHttpHandler();
        handler.Cancel.Ok(Wire.CancelAnswer("r1", "cancelled"));
        var services = new ServiceCollection();
        services.AddRunComfy(o => o.Token = "t").ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<RunComfyClient>().CancelAsync("r1");

        result.Outcome.ShouldBe(CancelOutcome.Cancelled);
        handler.Requests.Single().Uri.Host.ShouldBe("model-api.runcomfy.net");
    }
}
