using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace NetconfCloud.Schedule;

/// <summary>
/// The identities the schedule exports give sessions, rooms and people. A session's guid is the one it had in the
/// schedule it was imported from (<see cref="Session.SourceGuid"/>); a session that never had one gets a name-based
/// UUID (version 5, RFC 9562) of its iCalendar UID (<see cref="Uid"/>) in <see cref="Namespace"/>,
/// so the guid and the UID name the same session and neither changes between exports. Rooms and people are named
/// the same way after their feed paths (<c>{conference}/rooms/{id}</c>, <c>{conference}/speakers/{id}</c>); a
/// person imported with a guid keeps it.
/// </summary>
public static class ScheduleIdentities
{
    /// <summary>The namespace of every derived guid: <c>uuid5(Namespace, "netconf-2015/sessions/introduction")</c>.</summary>
    public static readonly Guid Namespace = new("27096002-45f3-4480-901d-5981bf67ca8f");

    /// <summary>The generator name our exports give (frab <c>&lt;generator name&gt;</c>, c3voc <c>generator.name</c>): an import knows its own exports by it.</summary>
    public const string Generator = "NetconfCloud";

    /// <summary>A session's iCalendar UID: the same in every feed and export, whatever changes.</summary>
    public static string Uid(string conferenceId, string sessionId) => $"{conferenceId}/sessions/{sessionId}";

    public static Guid SessionGuid(string conferenceId, Session session) =>
        Guid.TryParse(session.SourceGuid, out var source) ? source : DerivedSessionGuid(conferenceId, session.Id);

    /// <summary>The guid the exports give a session that came from no source schedule.</summary>
    public static Guid DerivedSessionGuid(string conferenceId, string sessionId) => NameBased(Uid(conferenceId, sessionId));

    public static Guid RoomGuid(string conferenceId, string roomId) => NameBased($"{conferenceId}/rooms/{roomId}");

    public static Guid SpeakerGuid(string conferenceId, string speakerId, string sourceId) =>
        Guid.TryParse(sourceId, out var source) ? source : NameBased($"{conferenceId}/speakers/{speakerId}");

    /// <summary>
    /// The integer id the exports give each speaker, unique among them, which apps key persons on (ConfClerk keeps them
    /// by id): the source's id when it was a number that no other speaker has, so that the source and our export name
    /// the person alike; else a number from the speaker's guid (<see cref="SpeakerGuid"/>), the next free one on a clash.
    /// An import of our own export knows the speaker again by it.
    /// </summary>
    public static IReadOnlyDictionary<string, int> PersonIds(string conferenceId, IReadOnlyList<Speaker> speakers)
    {
        var numbers = speakers.Select(s => int.TryParse(s.SourceId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0 ? id : 0).ToArray();
        var shared = numbers.Where(id => id > 0).GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var taken = numbers.Where(id => id > 0 && !shared.Contains(id)).ToHashSet();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (speaker, number) in speakers.Zip(numbers).OrderBy(p => p.First.Id, StringComparer.Ordinal))
        {
            var id = number;
            if (id == 0 || shared.Contains(id))
            {
                id = EventId(SpeakerGuid(conferenceId, speaker.Id, speaker.SourceId));
                while (!taken.Add(id))
                {
                    id = id == int.MaxValue ? 1 : id + 1;
                }
            }

            ids[speaker.Id] = id;
        }

        return ids;
    }

    /// <summary>
    /// The deprecated integer id the formats still require: the first 31 bits of the SHA-256 of the guid's text, so it
    /// follows the guid across exports and imports. The exports move a clash to the next free number.
    /// </summary>
    public static int EventId(Guid sessionGuid)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(sessionGuid.ToString("D")));
        return Math.Max(1, (int)(BinaryPrimitives.ReadUInt32BigEndian(hash) & int.MaxValue));
    }

    /// <summary>UUID version 5: SHA-1 of the namespace and the name's UTF-8, with the version and variant bits set.</summary>
    public static Guid NameBased(string name)
    {
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        Namespace.TryWriteBytes(bytes, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
#pragma warning disable CA5350 // RFC 9562 defines version 5 with SHA-1; the hash names an object, it protects nothing.
        var hash = SHA1.HashData(bytes);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
