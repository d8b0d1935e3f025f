using System.Globalization;
using System.Text;
using System.Xml;

namespace NetconfCloud.Site;

/// <summary>
/// The public changes as an Atom feed (RFC 4287), newest first. A version of a few changes is an entry per session
/// (linking to the talk's page); a bigger one (an import) is one entry with its counts and weightiest changes
/// (linking to its place on the changes page). Entry ids are tag URIs made of the host, the conference, the version
/// and the session, so they stay the same on every render and every instance.
/// </summary>
public static class ChangesFeed
{
    public const string ContentType = "application/atom+xml";

    private const string Atom = "http://www.w3.org/2005/Atom";

    public static byte[] Render(AgendaSnapshot agenda, PublicChangePage changes, FeedOptions options)
    {
        var conference = agenda.Conference;
        // The feed is English: feed readers fetch it without the reader's language.
        var view = new ChangeView(conference, SiteLanguage.English);
        var texts = view.Texts;
        var page = PageRoutes.ChangesUrl(options, conference.Id).AbsoluteUri;
        var updated = changes.Versions.Count > 0 ? changes.Versions[0].Time : conference.AgendaUpdateTime;
        var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, "en");
            xml.WriteElementString("id", Atom, TagUri(options, conference.Id, "changes"));
            xml.WriteElementString("title", Atom, texts.FeedTitle(conference.Name));
            xml.WriteElementString("subtitle", Atom, texts.FeedSubtitle(conference.FullName));
            xml.WriteElementString("updated", Atom, Rfc3339(updated));
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, conference.FullName.Length > 0 ? conference.FullName : conference.Name);
            xml.WriteEndElement();
            Link(xml, "self", ContentType, PageRoutes.ChangesFeedUrl(options, conference.Id).AbsoluteUri);
            Link(xml, "alternate", "text/html", page);
            foreach (var set in changes.Versions)
            {
                var version = set.Version.ToString(CultureInfo.InvariantCulture);
                if (set.SessionCount > ChangeView.MaxEntriesPerVersion)
                {
                    var lines = set.Sessions.Select(u => $"{texts.EntryTitle(u.Kinds, view.Title(u))} — {view.Describe(u)}");
                    var more = set.SessionCount > set.Sessions.Count ? [texts.AndMore(set.SessionCount - set.Sessions.Count)] : Array.Empty<string>();
                    Entry(xml, TagUri(options, conference.Id, $"changes/{version}"), texts.Summary(set), set.Time,
                        string.Join("\n", [texts.Counts(set) + ".", .. lines, .. more]), $"{page}#v{version}");
                    continue;
                }

                foreach (var update in set.Sessions)
                {
                    Entry(xml, TagUri(options, conference.Id, $"changes/{version}/{update.SessionId}"), texts.EntryTitle(update.Kinds, view.Title(update)), set.Time,
                        view.Describe(update), PageRoutes.SessionUrl(options, conference.Id, update.SessionId).AbsoluteUri);
                }
            }

            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }

    /// <summary>A tag URI (RFC 4151) under the host that serves the feed: the same for the same change on every render.</summary>
    private static string TagUri(FeedOptions options, string conferenceId, string specific) =>
        $"tag:{options.PublicBaseUrl.Host},2026:{conferenceId}/{specific}";

    private static string Rfc3339(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Link(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static void Entry(XmlWriter xml, string id, string title, DateTimeOffset updated, string text, string href)
    {
        xml.WriteStartElement("entry", Atom);
        xml.WriteElementString("id", Atom, id);
        xml.WriteElementString("title", Atom, title);
        xml.WriteElementString("updated", Atom, Rfc3339(updated));
        Link(xml, "alternate", "text/html", href);
        xml.WriteStartElement("content", Atom);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(text);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}
