namespace RunComfy.SchemaClient.Tests.Client.TestDoubles;

/// <summary>
/// Awaits and returns the exception itself. Shouldly's ThrowAsync cannot see an
/// <see cref="OperationCanceledException"/> subclass (a cancelled task only reports TaskCanceledException).
/// </summary>
public static class Catch
{
    public static async Task<T> ExceptionAsync<T>(Func<Task> action)
        where T : Exception
    {
        try
        {
            await action();
        }
        catch (Exception e)
        {
            return e.ShouldBeAssignableTo<T>()!;
        }

        throw new ShouldAssertException($"Expected {typeof(T).Name}, but nothing was thrown.");
    }
}
