using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RunComfy.Emulator.Faults;
using RunComfy.Emulator.Hosting;
using RunComfy.Emulator.Jobs;
using RunComfy.Emulator.Validation;

namespace RunComfy.Emulator.Endpoints;

/// <summary><c>POST /v1/models/{model_id}</c>: checks the token, the model and the input, then queues a job.</summary>
internal sealed class SubmitEndpoint(EmulatorState state)
{
    public async Task<ApiResponse> HandleAsync(HttpContext context, string modelId, InjectedFault? fault)
    {
        if (state.Auth.Authenticate(context.Request, out var problem) is not { } owner)
        {
            state.Stats.CountAuthFailure();
            return state.Errors.TokenProblem(problem);
        }
        if (state.Models.Find(modelId) is not { } model) return state.Errors.UnknownModel(modelId);

        using var received = new MemoryStream();
        await context.Request.Body.CopyToAsync(received, context.RequestAborted);
        var bytes = TextValidity.WithoutBom(received.GetBuffer().AsSpan(0, (int)received.Length));
        if (TextValidity.Check(bytes) is { Count: > 0 } textErrors)
        {
            state.Stats.CountValidationFailure();
            return state.Errors.Invalid(textErrors);
        }
        var body = System.Text.Encoding.UTF8.GetString(bytes);

        var media = state.Options.CheckMediaRules ? new OwnMediaSource(context.Request, state.BaseAddress, state.Files) : null;
        var errors = model.Validator.Validate(body, media, state.Options.RejectUnknownInputs, state.Options.PatternBudget);
        if (errors.Count > 0)
        {
            state.Stats.CountValidationFailure();
            return state.Errors.Invalid(errors);
        }

        var options = state.Options;
        var schedule = new JobSchedule(options.InitialQueuePosition, options.QueueStep, options.RunDuration);
        var now = state.Now;
        var job = new Job(Guid.NewGuid().ToString("D"), model, owner, now, schedule, willFail: fault?.Kind == FaultKind.JobFailure, state.Workers);
        state.Jobs.Add(job);
        state.Workers?.Enqueue(job, now);
        state.Submissions.Record(body);

        var request = context.Request;
        var answer = new JsonObject
        {
            ["request_id"] = job.Id,
            ["status_url"] = RequestAddress.StatusUrl(request, job.Id),
            ["result_url"] = RequestAddress.ResultUrl(request, job.Id),
            ["cancel_url"] = RequestAddress.CancelUrl(request, job.Id),
        };
        if (options.Wire.IncludeStatusInSubmitAnswer) answer["status"] = state.StatusName(JobState.InQueue);
        return new ApiResponse(options.Wire.SubmitStatusCode, answer, JobAccepted: true);
    }
}
