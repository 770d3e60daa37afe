using System;

namespace DeviceFirmware.MockCloud.WebConsole;

/// <summary>A console request refused with an HTTP status and a message for the page (<c>{"error": "…"}</c>).</summary>
internal sealed class ConsoleProblem : Exception
{
    public ConsoleProblem(int status, string message)
        : base(message) => Status = status;

    public ConsoleProblem()
    {
    }

    public ConsoleProblem(string message)
        : base(message) => Status = 400;

    public ConsoleProblem(string message, Exception innerException)
        : base(message, innerException) => Status = 400;

    /// <summary>The HTTP status: 400 bad input, 401 not signed in, 403 CSRF, 404 not one of the user's devices, 502/503/504 upstream.</summary>
    public int Status { get; }
}
