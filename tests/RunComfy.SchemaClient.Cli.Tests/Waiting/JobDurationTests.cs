using RunComfy.Cli.Waiting;

namespace RunComfy.SchemaClient.Cli.Tests.Waiting;

/// <summary>"completed in" counts the job's time, never only this process's wait.</summary>
public sealed class JobDurationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static RequestResult Completed(DateTimeOffset? created = null, DateTimeOffset? finished = null) => new()
    {
        RequestId = "r1",
        State = RunComfyRequestState.Completed,
        CreatedAt = created,
        FinishedAt = finished,
    };

    [Fact]
    public void The_api_creation_and_finish_times_give_the_job_time_whatever_the_wait()
    {
        var text = JobDuration.Describe(Completed(Now.AddSeconds(-60), Now.AddSeconds(-10)), submittedAt: Now.AddSeconds(-61), waited: TimeSpan.FromSeconds(31.7), Now);

        text.ShouldBe(" in 50.0s");
    }

    [Fact]
    public void Without_a_finish_time_a_job_just_watched_counts_from_its_creation_to_now()
    {
        JobDuration.Describe(Completed(Now.AddSeconds(-50)), submittedAt: null, waited: TimeSpan.FromSeconds(31.7), Now).ShouldBe(" in 50.0s");
    }

    [Fact]
    public void Without_a_creation_time_it_counts_from_the_journaled_submit()
    {
        JobDuration.Describe(Completed(), submittedAt: Now.AddSeconds(-50), waited: TimeSpan.FromSeconds(31.7), Now).ShouldBe(" 50.0s after it was submitted");
    }

    [Fact]
    public void With_neither_it_says_how_long_it_waited_not_how_long_the_job_took()
    {
        JobDuration.Describe(Completed(), submittedAt: null, waited: TimeSpan.FromSeconds(31.7), Now).ShouldBe("; waited 31.7s");
    }

    [Fact]
    public void A_single_result_call_counts_only_from_the_apis_own_times()
    {
        JobDuration.Describe(Completed(Now.AddHours(-3), Now.AddHours(-3).AddSeconds(12)), submittedAt: Now.AddHours(-3), waited: null, Now).ShouldBe(" in 12.0s");
        // Not "3 hours": the job finished long before this call, and when is unknown.
        JobDuration.Describe(Completed(Now.AddHours(-3)), submittedAt: Now.AddHours(-3), waited: null, Now).ShouldBe("");
    }

    [Fact]
    public void A_finish_before_the_creation_is_not_believed()
    {
        JobDuration.Describe(Completed(Now, Now.AddSeconds(-5)), submittedAt: null, waited: TimeSpan.FromSeconds(2), Now).ShouldBe("; waited 2.0s");
    }
}
