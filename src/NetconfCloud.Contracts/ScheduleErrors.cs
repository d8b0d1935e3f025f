namespace NetconfCloud.Contracts;

/// <summary>
/// The <c>google.rpc.ErrorInfo</c> reasons the schedule service gives where the status code alone does not tell a
/// client what happened.
/// </summary>
public static class ScheduleErrors
{
    public const string Domain = "schedule.netconfcloud";

    /// <summary>FAILED_PRECONDITION: the personal agenda was revoked and can no longer be changed.</summary>
    public const string PersonalAgendaRevoked = "REVOKED";
}
