using RunComfy.Client.Polling;

namespace RunComfy.SchemaClient.Tests.Client;

public sealed class PollScheduleTests
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(4, 1)]
    [InlineData(10, 2)]
    [InlineData(20, 4)]
    [InlineData(25, 5)]
    [InlineData(600, 5)]
    public void The_wait_is_a_fifth_of_the_time_so_far_between_the_bounds(double elapsedSeconds, double expectedSeconds) =>
        PollSchedule.Next(TimeSpan.FromSeconds(elapsedSeconds), Min, Max, retryAfter: null).ShouldBe(TimeSpan.FromSeconds(expectedSeconds));

    [Fact]
    public void A_Retry_After_longer_than_the_wait_wins_and_a_shorter_one_does_not()
    {
        PollSchedule.Next(TimeSpan.Zero, Min, Max, TimeSpan.FromSeconds(12)).ShouldBe(TimeSpan.FromSeconds(12));
        PollSchedule.Next(TimeSpan.FromMinutes(1), Min, Max, TimeSpan.FromSeconds(2)).ShouldBe(Max);
    }
}
