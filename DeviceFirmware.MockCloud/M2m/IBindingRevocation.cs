namespace DeviceFirmware.MockCloud.M2m;

/// <summary>
/// What GService tells M2M when a binding ends (an App unbinds, a device resets): the user's live App connections stop
/// receiving that device's traffic at once, rather than at their next subscribe.
/// </summary>
public interface IBindingRevocation
{
    /// <summary>User <paramref name="uid"/> is no longer bound to <paramref name="did"/>.</summary>
    void Unbound(string uid, string did);
}
