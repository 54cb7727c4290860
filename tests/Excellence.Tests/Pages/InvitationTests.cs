using System.Net;
using Excellence.Tests.Support;
using Excellence.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Excellence.Tests.Pages;

public class InvitationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Build build = new(app);

    [Fact]
    public async Task An_invited_colleague_sets_a_password_and_becomes_an_applicant_of_the_organisation()
    {
        var org = await build.Organization();
        var inviter = await app.SignedIn(await build.Applicant(org));
        var email = Build.UniqueEmail("colleague");
        var sent = await inviter.PostForm("/Organization/Members", new { Input_Email = email }, "/Organization/Members?handler=Invite");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var mail = Build.LastMailTo(app, email);
        var link = Build.LinkIn(mail);
        Assert.StartsWith("https://excellence.test/Account/Invitation?token=", link);
        var token = link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        var stored = await app.WithDb((db, _) => db.OrganizationInvitations.AsNoTracking().SingleAsync(i => i.Email == email));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))), stored.TokenHash);
        Assert.Equal(TimeSpan.FromDays(7), stored.ExpiresAt - stored.CreatedAt);
        Assert.Contains(email, await inviter.Html("/Organization/Members"));

        var invitee = app.NewClient();
        var path = new Uri(link).PathAndQuery;
        Assert.Contains(org.Name, await invitee.Html(path));
        var accepted = await invitee.PostForm(path, new { Input_DisplayName = "赵同事", Input_Password = Build.Password, Input_ConfirmPassword = Build.Password });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains(org.Name, await invitee.Html("/Organization/Profile"));

        var (user, roles, acceptedAt) = await app.WithDb(async (db, _) =>
        {
            var u = await db.Users.SingleAsync(x => x.Email == email);
            var r = await (from ur in db.UserRoles join role in db.Roles on ur.RoleId equals role.Id where ur.UserId == u.Id select role.Name).ToListAsync();
            var i = await db.OrganizationInvitations.SingleAsync(x => x.Email == email);
            return (u, r, i.AcceptedAt);
        });
        Assert.Equal(org.Id, user.OrganizationId);
        Assert.Equal([Roles.Applicant], roles);
        Assert.NotNull(acceptedAt);
        var members = await inviter.Html("/Organization/Members");
        Assert.Contains("data-member=\"" + email + "\"", members);

        // The link works once.
        Assert.Contains("该邀请链接无效、已使用、已撤销或已过期", await app.NewClient().Html(path));
    }

    [Fact]
    public async Task A_revoked_or_expired_invitation_creates_no_account()
    {
        var org = await build.Organization();
        var inviter = await app.SignedIn(await build.Applicant(org));
        var revokedEmail = Build.UniqueEmail("revoked");
        var expiredEmail = Build.UniqueEmail("expired");
        await inviter.PostForm("/Organization/Members", new { Input_Email = revokedEmail }, "/Organization/Members?handler=Invite");
        await inviter.PostForm("/Organization/Members", new { Input_Email = expiredEmail }, "/Organization/Members?handler=Invite");
        var revokedId = await app.WithDb((db, _) => db.OrganizationInvitations.Where(i => i.Email == revokedEmail).Select(i => i.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect,
            (await inviter.PostForm("/Organization/Members", new { }, $"/Organization/Members?handler=Revoke&id={revokedId}")).StatusCode);

        var revokedPath = new Uri(Build.LinkIn(Build.LastMailTo(app, revokedEmail))).PathAndQuery;
        var expiredPath = new Uri(Build.LinkIn(Build.LastMailTo(app, expiredEmail))).PathAndQuery;
        app.Clock.Advance(TimeSpan.FromDays(7).Add(TimeSpan.FromMinutes(1)));
        try
        {
            foreach (var path in new[] { revokedPath, expiredPath })
            {
                var client = app.NewClient();
                Assert.Contains("该邀请链接无效、已使用、已撤销或已过期", await client.Html(path));
                var response = await client.PostForm(path, new { Input_DisplayName = "某人", Input_Password = Build.Password, Input_ConfirmPassword = Build.Password });
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            Assert.False(await app.WithDb((db, _) => db.Users.AnyAsync(u => u.Email == revokedEmail || u.Email == expiredEmail)));
        }
        finally
        {
            app.Clock.Set(AppFactory.DefaultNow);
        }
    }

    [Fact]
    public async Task An_applicant_cannot_revoke_another_organisations_invitation()
    {
        var org = await build.Organization();
        var owner = await app.SignedIn(await build.Applicant(org));
        var email = Build.UniqueEmail("other");
        await owner.PostForm("/Organization/Members", new { Input_Email = email }, "/Organization/Members?handler=Invite");
        var id = await app.WithDb((db, _) => db.OrganizationInvitations.Where(i => i.Email == email).Select(i => i.Id).SingleAsync());

        var stranger = await app.SignedIn(await build.Applicant());
        var response = await stranger.PostForm("/Organization/Members", new { }, $"/Organization/Members?handler=Revoke&id={id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await app.WithDb((db, _) => db.OrganizationInvitations.Where(i => i.Id == id).Select(i => i.RevokedAt).SingleAsync()));
    }
}
