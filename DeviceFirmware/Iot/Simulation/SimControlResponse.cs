#nullable enable
namespace DeviceFirmware.Iot.Simulation;

/// <summary>One answer of the simulation control API: an HTTP status, a JSON body, and for 405 the allowed methods.</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="Json">The UTF-8 JSON body.</param>
/// <param name="Allow">The <c>Allow</c> header for 405 answers, otherwise null.</param>
internal sealed record SimControlResponse(int StatusCode, byte[] Json, string? Allow = null);
