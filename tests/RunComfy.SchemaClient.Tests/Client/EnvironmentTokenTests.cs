using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Client;

/// <summary>Changes process environment variables, so it runs alone.</summary>
[CollectionDefinition(nameof(EnvironmentVariables), DisableParallelization = true)]
public sealed class EnvironmentVariables;

[Collection(nameof(EnvironmentVariables))]
public sealed class EnvironmentTokenTests
{
    [Fact]
    public void The_public_constructor_reads_the_token_variables_of_the_process()
    {
        var saved = (Api: Environment.GetEnvironmentVariable("RUNCOMFY_API_TOKEN"), Plain: Environment.GetEnvironmentVariable("RUNCOMFY_TOKEN"));
        try
        {
            Environment.SetEnvironmentVariable("RUNCOMFY_API_TOKEN", null);
            Environment.SetEnvironmentVariable("RUNCOMFY_TOKEN", null);
            Should.Throw<InvalidOperationException>(() => new RunComfyClient(options: new RunComfyClientOptions { BaseAddress = new Uri(Wire.Base) }));

            Environment.SetEnvironmentVariable("RUNCOMFY_TOKEN", TestClient.Token);
            using var client = new RunComfyClient(options: new RunComfyClientOptions { BaseAddress = new Uri(Wire.Base) });
            client.ToString().ShouldNotContain(TestClient.Token);
        }
        finally
        {
            Environment.SetEnvironmentVariable("RUNCOMFY_API_TOKEN", saved.Api);
            Environment.SetEnvironmentVariable("RUNCOMFY_TOKEN", saved.Plain);
        }
    }
}
