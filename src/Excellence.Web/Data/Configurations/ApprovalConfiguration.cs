using Excellence.Web.Domain.Applications;
using Excellence.Web.Domain.Approvals;
using Excellence.Web.Domain.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Excellence.Web.Data.Configurations;

internal sealed class ApprovalMeetingConfiguration : IEntityTypeConfiguration<ApprovalMeeting>
{
    public void Configure(EntityTypeBuilder<ApprovalMeeting> b)
    {
        b.Property(m => m.Title).HasMaxLength(200);
        b.Property(m => m.Place).HasMaxLength(200);
        b.Property(m => m.ClosedByName).HasMaxLength(256);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Results).AsJson();
        b.Property(m => m.Version).IsConcurrencyToken();
        b.Ignore(m => m.Rule);
        b.HasIndex(m => new { m.Year, m.Status });
        b.HasOne<Round>().WithMany().HasForeignKey(m => m.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApprovalAttendeeConfiguration : IEntityTypeConfiguration<ApprovalAttendee>
{
    public void Configure(EntityTypeBuilder<ApprovalAttendee> b)
    {
        b.HasKey(a => new { a.MeetingId, a.UserId });
        b.Property(a => a.Name).HasMaxLength(256);
        b.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApprovalVoteConfiguration : IEntityTypeConfiguration<ApprovalVote>
{
    public void Configure(EntityTypeBuilder<ApprovalVote> b)
    {
        b.Property(v => v.Choice).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.Reason).HasMaxLength(2000);
        b.HasIndex(v => new { v.MeetingId, v.ApplicationId, v.ApproverUserId }).IsUnique();
        b.HasOne<ApprovalMeeting>().WithMany().HasForeignKey(v => v.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Application>().WithMany().HasForeignKey(v => v.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(v => v.ApproverUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
