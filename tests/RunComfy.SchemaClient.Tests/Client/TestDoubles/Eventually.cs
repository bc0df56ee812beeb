namespace RunComfy.SchemaClient.Tests.Client.TestDoubles;

/// <summary>Waits for a condition another thread makes true (a server recording a submission), instead of guessing how long that takes.</summary>
public static class Eventually
{
    /// <summary>Only a safety net: a healthy condition holds within milliseconds.</summary>
    public static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(60);

    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + SafetyTimeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still not true after {SafetyTimeout}: {what}");
            }

            await Task.Delay(5);
        }
    }
}
