using Excellence.Web.Infrastructure.Hosting;

// Composition only: services, pipeline, and the command-line verbs (run, --demo, seed-demo, verify-audit).
var cli = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(cli.HostArgs);
builder.AddExcellence(cli);
var app = builder.Build();
app.UseExcellence();
return await cli.RunAsync(app);

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
