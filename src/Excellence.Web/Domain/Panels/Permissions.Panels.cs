using Excellence.Web.Domain.Panels;
using Excellence.Web.Domain.SiteVisits;

namespace Excellence.Web.Domain;

public static partial class Permissions
{
    /// <summary>A meeting: the secretariat, and its members. Anyone else must not learn it exists.</summary>
    public static Decision CanReadPanelMeeting(Actor actor, PanelMeeting m) =>
        actor.Is(Roles.Secretariat) || (actor.Is(Roles.Expert) && m.IsMember(actor.ExpertId)) ? Decision.Allow : Decision.Hide;

    public static Decision CanManagePanelMeeting(Actor actor) => actor.Is(Roles.Secretariat) ? Decision.Allow : Decision.Hide;

    /// <summary>
    /// One item of a meeting: the secretariat; a member who is not recused on it. A recused member gets nothing,
    /// not even that the item exists.
    /// </summary>
    public static Decision CanReadPanelItem(Actor actor, PanelMeeting m, PanelItem item)
    {
        if (actor.Is(Roles.Secretariat)) return Decision.Allow;
        if (!CanReadPanelMeeting(actor, m)) return Decision.Hide;
        return item.IsRecused(actor.ExpertId!.Value) ? Decision.Hide : Decision.Allow;
    }

    /// <summary>A member votes on an item it is not recused on, until the item is concluded.</summary>
    public static Decision CanVoteOnPanelItem(Actor actor, PanelMeeting m, PanelItem item)
    {
        if (!(actor.Is(Roles.Expert) && m.IsMember(actor.ExpertId)) || item.IsRecused(actor.ExpertId!.Value)) return Decision.Hide;
        return item.IsConcluded ? Decision.Deny("Panel.ItemConcluded") : Decision.Allow;
    }

    /// <summary>The secretariat or the (non-recused) chair enters the notes and the panel's conclusion.</summary>
    public static Decision CanChairPanelItem(Actor actor, PanelMeeting m, PanelItem item)
    {
        var read = CanReadPanelItem(actor, m, item);
        if (!read) return read;
        var chair = actor.Is(Roles.Expert) && actor.ExpertId is { } id && m.ChairExpertId == id;
        if (!actor.Is(Roles.Secretariat) && !chair) return Decision.Deny("Panel.ChairOnly");
        return item.IsConcluded ? Decision.Deny("Panel.ItemConcluded") : Decision.Allow;
    }

    /// <summary>A site visit: the secretariat and the team members (never conflicted: they cannot join).</summary>
    public static Decision CanReadSiteVisit(Actor actor, SiteVisit v) =>
        actor.Is(Roles.Secretariat) || (actor.Is(Roles.Expert) && v.IsMember(actor.ExpertId)) ? Decision.Allow : Decision.Hide;

    /// <summary>The team and the secretariat keep the log and findings until the outcome is recorded.</summary>
    public static Decision CanRecordSiteVisit(Actor actor, SiteVisit v)
    {
        var read = CanReadSiteVisit(actor, v);
        if (!read) return read;
        return v.ConcludedAt is null ? Decision.Allow : Decision.Deny("SiteVisit.Concluded");
    }

    /// <summary>Only the secretariat records the outcome and proposes the level.</summary>
    public static Decision CanConcludeSiteVisit(Actor actor, SiteVisit v)
    {
        var read = CanReadSiteVisit(actor, v);
        if (!read) return read;
        if (!actor.Is(Roles.Secretariat)) return Decision.Deny("SiteVisit.SecretariatOnly");
        return v.ConcludedAt is null ? Decision.Allow : Decision.Deny("SiteVisit.Concluded");
    }
}
