using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RunComfy.Emulator.Faults;
using RunComfy.Emulator.Hosting;
using RunComfy.Emulator.Jobs;

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

        string body;
        using (var reader = new StreamReader(context.Request.Body))
            body = await reader.ReadToEndAsync(context.RequestAborted);

        var media = state.Options.CheckMediaRules ? new OwnMediaSource(context.Request, state.BaseAddress, state.Files) : null;
        var errors = model.Validator.Validate(body, media, state.Options.RejectUnknownInputs);
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
