using System;

namespace DeviceFirmware.MockCloud.GService;

/// <summary>Ends a request with a GService error; the endpoint guard turns it into the JSON error answer.</summary>
internal sealed class GServiceProblem : Exception
{
    public GServiceProblem(GServiceError error, string detail)
        : base($"{error.Code} {error.Message}: {detail}")
    {
        Error = error;
        Detail = detail;
    }

    public GServiceError Error { get; }

    public string Detail { get; }
}
