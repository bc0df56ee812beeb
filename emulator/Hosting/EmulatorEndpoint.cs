namespace RunComfy.Emulator;

/// <summary>The emulator's endpoints, for fault rules and counters.</summary>
public enum EmulatorEndpoint
{
    /// <summary><c>POST /v1/models/{model_id}</c>.</summary>
    Submit,

    /// <summary><c>GET /v1/requests/{request_id}/status</c>.</summary>
    Status,

    /// <summary><c>GET /v1/requests/{request_id}/result</c>.</summary>
    Result,

    /// <summary><c>POST /v1/requests/{request_id}/cancel</c>.</summary>
    Cancel,

    /// <summary><c>GET /v1/models</c>.</summary>
    ListModels,

    /// <summary><c>GET /v1/models/{model_id}</c>.</summary>
    GetModel,

    /// <summary>Served files: generated outputs and files added with <see cref="EmulatorServer.ServeFile"/>.</summary>
    File,
}
