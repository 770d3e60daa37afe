using System.Collections.Generic;

namespace DeviceFirmware.MockCloud.App;

/// <summary>GService's answer to bind or unbind: <c>{"success":[did…],"failed":[did…]}</c>.</summary>
/// <param name="Success">The DIDs that were bound (or unbound).</param>
/// <param name="Failed">The DIDs that were not: unknown device or wrong passcode (bind), not bound (unbind).</param>
public sealed record BindResult(IReadOnlyList<string> Success, IReadOnlyList<string> Failed);
