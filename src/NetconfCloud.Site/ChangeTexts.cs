using System.Globalization;

namespace NetconfCloud.Site;

/// <summary>
/// The texts of what changed (the public page, its Atom feed, a personal agenda's "what changed in your talks" and
/// the links to them), one set per language of the site, reached as <see cref="SiteTexts.Changes"/>. Every member is
/// required, so a language that leaves one out does not compile. Numbers are written by the sentences themselves.
/// </summary>
public sealed class ChangeTexts
{
    public required string WhatChangedLink { get; init; }

    public required string FeedLink { get; init; }

    public required string Nothing { get; init; }

    public required string NothingHere { get; init; }

    public required string Older { get; init; }

    public required string Newest { get; init; }

    public required string BackToAgenda { get; init; }

    public required string BadOlder { get; init; }

    public required string BadSince { get; init; }

    public required string PageTitleError { get; init; }

    public required string InPicksTitle { get; init; }

    public required string InPicksNothing { get; init; }

    public required string InPicksNothingYet { get; init; }

    public required string MoreOnTheChangesPage { get; init; }

    public required string BookmarkSince { get; init; }

    public required string Untitled { get; init; }

    public required string NoRoom { get; init; }

    /// <summary>The conference's name: "What changed at Netconf 2015".</summary>
    public required Func<string, string> PageTitle { get; init; }

    /// <summary>The conference's name: "Netconf 2015: what changed".</summary>
    public required Func<string, string> FeedTitle { get; init; }

    /// <summary>The conference's full name.</summary>
    public required Func<string, string> FeedSubtitle { get; init; }

    /// <summary>The version and when it was made: "Thursday 12 February 2015, 10:00 (agenda version 17)".</summary>
    public required Func<string, string, string> Version { get; init; }

    public required Func<string, string> InPicksSince { get; init; }

    public required Func<string, string> SinceLinkText { get; init; }

    /// <summary>The name of each kind of change ("Moved").</summary>
    public required Func<PublicChangeKind, string> Kind { get; init; }

    /// <summary>The kind and how many: "883 new sessions", "2 cancelled".</summary>
    public required Func<PublicChangeKind, int, string> Count { get; init; }

    /// <summary>Sessions changed but not listed: "and 863 more sessions, on the agenda."</summary>
    public required Func<int, string> AndMore { get; init; }

    public required Func<string, string> WasTitled { get; init; }

    public required Func<string, string, string> MovedFromTo { get; init; }

    public required Func<string, string, string> RoomFromTo { get; init; }

    /// <summary>"Agenda version 17: 883 new sessions".</summary>
    public required Func<string, string, string> SummaryTitle { get; init; }

    public static string WhenWhere(string when, string room) => room.Length > 0 ? $"{when}, {room}" : when;

    /// <summary>"883 new sessions, 2 cancelled, 1 moved": a version's counts, weightiest first.</summary>
    public string Counts(PublicChangeSet set) =>
        string.Join(", ", PublicChanges.ByWeight.Where(k => set.CountOf(k) > 0).Select(k => Count(k, set.CountOf(k))));

    public string EntryTitle(IEnumerable<PublicChangeKind> kinds, string title) => $"{string.Join(", ", kinds.Select(Kind))}: {title}";

    public string Summary(PublicChangeSet set) => SummaryTitle(Number(set.Version), Counts(set));

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    public static ChangeTexts English { get; } = new()
    {
        WhatChangedLink = "What changed: moves, cancellations, new talks",
        FeedLink = "Follow these changes in a feed reader (Atom)",
        Nothing = "Nothing has changed since the agenda was published.",
        NothingHere = "No changes on this page.",
        Older = "Older changes",
        Newest = "Newest changes",
        BackToAgenda = "Back to the agenda",
        BadOlder = "older must be a version number from an \"Older changes\" link, e.g. ?older=12.",
        BadSince = "since must be an agenda version number, e.g. ?since=12.",
        PageTitleError = "These changes cannot be shown",
        InPicksTitle = "What changed in your talks",
        InPicksNothing = "None of your talks changed since you last looked.",
        InPicksNothingYet = "None of your talks has changed.",
        MoreOnTheChangesPage = "Every change to the agenda",
        BookmarkSince = "To see next time what changed in your talks since now, come back with this link:",
        Untitled = "Untitled session",
        NoRoom = "no room",
        PageTitle = name => $"What changed at {name}",
        FeedTitle = name => $"{name}: what changed",
        FeedSubtitle = fullName => $"Moves, cancellations, new and retitled talks at {fullName}, newest first.",
        Version = (version, when) => $"{when} (agenda version {version})",
        InPicksSince = version => $"Since agenda version {version}, when you last looked:",
        SinceLinkText = version => $"what changed since version {version}",
        Kind = kind => kind switch
        {
            PublicChangeKind.New => "New",
            PublicChangeKind.Cancelled => "Cancelled",
            PublicChangeKind.Restored => "Back on",
            PublicChangeKind.Moved => "Moved",
            PublicChangeKind.RoomChanged => "New room",
            PublicChangeKind.Retitled => "Retitled",
            _ => kind.ToString(),
        },
        Count = (kind, n) => kind switch
        {
            PublicChangeKind.New => $"{Number(n)} new {(n == 1 ? "session" : "sessions")}",
            PublicChangeKind.Cancelled => $"{Number(n)} cancelled",
            PublicChangeKind.Restored => $"{Number(n)} back on",
            PublicChangeKind.Moved => $"{Number(n)} moved",
            PublicChangeKind.RoomChanged => $"{Number(n)} in another room",
            PublicChangeKind.Retitled => $"{Number(n)} retitled",
            _ => Number(n),
        },
        AndMore = more => more == 1 ? "and 1 more session, on the agenda." : $"and {Number(more)} more sessions, on the agenda.",
        WasTitled = title => $"was titled “{title}”",
        MovedFromTo = (from, to) => $"moved from {from} to {to}",
        RoomFromTo = (from, to) => $"room changed from {from} to {to}",
        SummaryTitle = (version, counts) => $"Agenda version {version}: {counts}",
    };

    public static ChangeTexts German { get; } = new()
    {
        WhatChangedLink = "Was sich geändert hat: Verlegungen, Absagen, neue Vorträge",
        FeedLink = "Diese Änderungen in einem Feedreader verfolgen (Atom)",
        Nothing = "Seit der Veröffentlichung des Programms hat sich nichts geändert.",
        NothingHere = "Keine Änderungen auf dieser Seite.",
        Older = "Ältere Änderungen",
        Newest = "Neueste Änderungen",
        BackToAgenda = "Zurück zum Programm",
        BadOlder = "older muss eine Versionsnummer aus einem Link „Ältere Änderungen“ sein, z. B. ?older=12.",
        BadSince = "since muss eine Programmversion sein, z. B. ?since=12.",
        PageTitleError = "Diese Änderungen können nicht angezeigt werden",
        InPicksTitle = "Was sich an Ihren Vorträgen geändert hat",
        InPicksNothing = "Seit Ihrem letzten Besuch hat sich keiner Ihrer Vorträge geändert.",
        InPicksNothingYet = "Keiner Ihrer Vorträge hat sich geändert.",
        MoreOnTheChangesPage = "Alle Änderungen am Programm",
        BookmarkSince = "Um beim nächsten Mal zu sehen, was sich seit jetzt an Ihren Vorträgen geändert hat, kommen Sie über diesen Link zurück:",
        Untitled = "Beitrag ohne Titel",
        NoRoom = "kein Raum",
        PageTitle = name => $"Was sich bei {name} geändert hat",
        FeedTitle = name => $"{name}: Änderungen",
        FeedSubtitle = fullName => $"Verlegte, abgesagte, neue und umbenannte Vorträge bei {fullName}, neueste zuerst.",
        Version = (version, when) => $"{when} (Programmversion {version})",
        InPicksSince = version => $"Seit Programmversion {version}, Ihrem letzten Besuch:",
        SinceLinkText = version => $"Änderungen seit Version {version}",
        Kind = kind => kind switch
        {
            PublicChangeKind.New => "Neu",
            PublicChangeKind.Cancelled => "Abgesagt",
            PublicChangeKind.Restored => "Wieder im Programm",
            PublicChangeKind.Moved => "Verlegt",
            PublicChangeKind.RoomChanged => "Neuer Raum",
            PublicChangeKind.Retitled => "Umbenannt",
            _ => kind.ToString(),
        },
        Count = (kind, n) => kind switch
        {
            PublicChangeKind.New => $"{Number(n)} {(n == 1 ? "neuer Beitrag" : "neue Beiträge")}",
            PublicChangeKind.Cancelled => $"{Number(n)} abgesagt",
            PublicChangeKind.Restored => $"{Number(n)} wieder im Programm",
            PublicChangeKind.Moved => $"{Number(n)} verlegt",
            PublicChangeKind.RoomChanged => $"{Number(n)} in einem anderen Raum",
            PublicChangeKind.Retitled => $"{Number(n)} umbenannt",
            _ => Number(n),
        },
        AndMore = more => more == 1 ? "und 1 weiterer Beitrag, im Programm." : $"und {Number(more)} weitere Beiträge, im Programm.",
        WasTitled = title => $"hieß „{title}“",
        MovedFromTo = (from, to) => $"verlegt von {from} auf {to}",
        RoomFromTo = (from, to) => $"Raum geändert von {from} zu {to}",
        SummaryTitle = (version, counts) => $"Programmversion {version}: {counts}",
    };

    public static ChangeTexts French { get; } = new()
    {
        WhatChangedLink = "Ce qui a changé : déplacements, annulations, nouvelles conférences",
        FeedLink = "Suivre ces changements dans un lecteur de flux (Atom)",
        Nothing = "Rien n'a changé depuis la publication du programme.",
        NothingHere = "Aucun changement sur cette page.",
        Older = "Changements plus anciens",
        Newest = "Derniers changements",
        BackToAgenda = "Retour au programme",
        BadOlder = "older doit être un numéro de version venant d'un lien « Changements plus anciens », par ex. ?older=12.",
        BadSince = "since doit être un numéro de version du programme, par ex. ?since=12.",
        PageTitleError = "Ces changements ne peuvent pas être affichés",
        InPicksTitle = "Ce qui a changé dans vos conférences",
        InPicksNothing = "Aucune de vos conférences n'a changé depuis votre dernière visite.",
        InPicksNothingYet = "Aucune de vos conférences n'a changé.",
        MoreOnTheChangesPage = "Tous les changements du programme",
        BookmarkSince = "Pour voir la prochaine fois ce qui a changé dans vos conférences depuis maintenant, revenez par ce lien :",
        Untitled = "Session sans titre",
        NoRoom = "aucune salle",
        PageTitle = name => $"Ce qui a changé à {name}",
        FeedTitle = name => $"{name} : ce qui a changé",
        FeedSubtitle = fullName => $"Conférences déplacées, annulées, nouvelles et renommées à {fullName}, les plus récentes d'abord.",
        Version = (version, when) => $"{when} (version {version} du programme)",
        InPicksSince = version => $"Depuis la version {version} du programme, lors de votre dernière visite :",
        SinceLinkText = version => $"ce qui a changé depuis la version {version}",
        Kind = kind => kind switch
        {
            PublicChangeKind.New => "Nouveau",
            PublicChangeKind.Cancelled => "Annulé",
            PublicChangeKind.Restored => "De retour",
            PublicChangeKind.Moved => "Déplacé",
            PublicChangeKind.RoomChanged => "Nouvelle salle",
            PublicChangeKind.Retitled => "Renommé",
            _ => kind.ToString(),
        },
        Count = (kind, n) => kind switch
        {
            PublicChangeKind.New => $"{Number(n)} {(n == 1 ? "nouvelle session" : "nouvelles sessions")}",
            PublicChangeKind.Cancelled => $"{Number(n)} {(n == 1 ? "annulée" : "annulées")}",
            PublicChangeKind.Restored => $"{Number(n)} de retour",
            PublicChangeKind.Moved => $"{Number(n)} {(n == 1 ? "déplacée" : "déplacées")}",
            PublicChangeKind.RoomChanged => $"{Number(n)} dans une autre salle",
            PublicChangeKind.Retitled => $"{Number(n)} {(n == 1 ? "renommée" : "renommées")}",
            _ => Number(n),
        },
        AndMore = more => more == 1 ? "et 1 autre session, au programme." : $"et {Number(more)} autres sessions, au programme.",
        WasTitled = title => $"s'intitulait « {title} »",
        MovedFromTo = (from, to) => $"déplacée de {from} à {to}",
        RoomFromTo = (from, to) => $"salle changée de {from} à {to}",
        SummaryTitle = (version, counts) => $"Version {version} du programme : {counts}",
    };

    public static ChangeTexts Dutch { get; } = new()
    {
        WhatChangedLink = "Wat er veranderd is: verplaatsingen, annuleringen, nieuwe praatjes",
        FeedLink = "Volg deze wijzigingen in een feedlezer (Atom)",
        Nothing = "Er is niets veranderd sinds het programma werd gepubliceerd.",
        NothingHere = "Geen wijzigingen op deze pagina.",
        Older = "Oudere wijzigingen",
        Newest = "Nieuwste wijzigingen",
        BackToAgenda = "Terug naar het programma",
        BadOlder = "older moet een versienummer uit een link ‘Oudere wijzigingen’ zijn, bijv. ?older=12.",
        BadSince = "since moet een programmaversie zijn, bijv. ?since=12.",
        PageTitleError = "Deze wijzigingen kunnen niet worden getoond",
        InPicksTitle = "Wat er aan je praatjes veranderd is",
        InPicksNothing = "Geen van je praatjes is veranderd sinds je laatste bezoek.",
        InPicksNothingYet = "Geen van je praatjes is veranderd.",
        MoreOnTheChangesPage = "Alle wijzigingen in het programma",
        BookmarkSince = "Om de volgende keer te zien wat er sinds nu aan je praatjes veranderd is, kom terug via deze link:",
        Untitled = "Sessie zonder titel",
        NoRoom = "geen zaal",
        PageTitle = name => $"Wat er veranderd is bij {name}",
        FeedTitle = name => $"{name}: wijzigingen",
        FeedSubtitle = fullName => $"Verplaatste, geannuleerde, nieuwe en hernoemde praatjes bij {fullName}, nieuwste eerst.",
        Version = (version, when) => $"{when} (programmaversie {version})",
        InPicksSince = version => $"Sinds programmaversie {version}, je laatste bezoek:",
        SinceLinkText = version => $"wijzigingen sinds versie {version}",
        Kind = kind => kind switch
        {
            PublicChangeKind.New => "Nieuw",
            PublicChangeKind.Cancelled => "Geannuleerd",
            PublicChangeKind.Restored => "Weer op het programma",
            PublicChangeKind.Moved => "Verplaatst",
            PublicChangeKind.RoomChanged => "Nieuwe zaal",
            PublicChangeKind.Retitled => "Hernoemd",
            _ => kind.ToString(),
        },
        Count = (kind, n) => kind switch
        {
            PublicChangeKind.New => $"{Number(n)} {(n == 1 ? "nieuwe sessie" : "nieuwe sessies")}",
            PublicChangeKind.Cancelled => $"{Number(n)} geannuleerd",
            PublicChangeKind.Restored => $"{Number(n)} weer op het programma",
            PublicChangeKind.Moved => $"{Number(n)} verplaatst",
            PublicChangeKind.RoomChanged => $"{Number(n)} in een andere zaal",
            PublicChangeKind.Retitled => $"{Number(n)} hernoemd",
            _ => Number(n),
        },
        AndMore = more => more == 1 ? "en nog 1 sessie, op het programma." : $"en nog {Number(more)} sessies, op het programma.",
        WasTitled = title => $"heette ‘{title}’",
        MovedFromTo = (from, to) => $"verplaatst van {from} naar {to}",
        RoomFromTo = (from, to) => $"zaal gewijzigd van {from} naar {to}",
        SummaryTitle = (version, counts) => $"Programmaversie {version}: {counts}",
    };
}
