using RunComfy.Batch;

namespace RunComfy.SchemaClient.Tests.Batch;

/// <summary>The batch's poll timing follows the server: queue position and pace, elapsed time for a running job.</summary>
public sealed class PollPlannerTests
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_job_at_position_40_is_polled_far_less_often_than_one_at_position_1()
    {
        var planner = new PollPlanner(Min, Max);
        planner.ObserveQueue(50, TimeSpan.FromSeconds(0), 30, TimeSpan.FromSeconds(10));

        planner.PositionsPerSecond.ShouldBe(2);
        planner.Queued(1).ShouldBe(Min);
        planner.Queued(40).ShouldBe(TimeSpan.FromSeconds(20));
        planner.Queued(10_000).ShouldBe(Max);
    }

    [Fact]
    public void Before_the_pace_is_known_a_queued_job_is_asked_again_at_the_minimum_to_learn_it()
    {
        var planner = new PollPlanner(Min, Max);
        planner.Queued(0).ShouldBe(Min);
        planner.Queued(500).ShouldBe(Min);
        planner.Queued(null).ShouldBe(Min);
    }

    [Fact]
    public void The_pace_is_smoothed_and_a_queue_that_did_not_move_teaches_nothing()
    {
        var planner = new PollPlanner(Min, Max);
        planner.ObserveQueue(10, TimeSpan.Zero, 10, TimeSpan.FromSeconds(5));
        planner.PositionsPerSecond.ShouldBe(0);
        planner.ObserveQueue(10, TimeSpan.Zero, 0, TimeSpan.FromSeconds(1));
        planner.ObserveQueue(10, TimeSpan.Zero, 5, TimeSpan.FromSeconds(1));
        planner.PositionsPerSecond.ShouldBe(9, 0.001);
    }

    [Fact]
    public void A_running_job_is_polled_by_its_elapsed_time()
    {
        var planner = new PollPlanner(Min, Max);
        planner.Running(TimeSpan.FromSeconds(2)).ShouldBe(Min);
        planner.Running(TimeSpan.FromSeconds(50)).ShouldBe(TimeSpan.FromSeconds(10));
        planner.Running(TimeSpan.FromMinutes(10)).ShouldBe(Max);
    }

    [Fact]
    public void After_a_failure_a_Retry_After_is_honoured_within_the_maximum()
    {
        var planner = new PollPlanner(Min, Max);
        planner.AfterFailure(null).ShouldBe(Min);
        planner.AfterFailure(TimeSpan.FromSeconds(7)).ShouldBe(TimeSpan.FromSeconds(7));
        planner.AfterFailure(TimeSpan.FromHours(1)).ShouldBe(Max);
    }
}
