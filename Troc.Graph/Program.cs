using Troc.Graph.Abuse;
using Troc.Graph.Compression;
using Troc.Graph.Health;
using Troc.Graph.Hosting;
using Troc.Graph.Ide;
using Troc.Graph.Mail;
using Troc.Graph.Realtime;
using Troc.Graph.Transport;
using Troc.Graph.Transport.Authorization;
using Troc.Graph.WebApp;

var builder = WebApplication.CreateBuilder(args);
// What every feature relies on.
builder.AddTrocData();
builder.AddTrocRealtime();
builder.AddTrocGraph();
builder.AddTrocTransport();
builder.AddTrocAbuseLimits();
builder.AddTrocMail();
// What Troc does, one folder per feature (Hosting/Features.cs lists them).
builder.AddTrocFeatures();
// Beside the API.
builder.AddTrocHealth();
builder.AddTrocIde();
builder.AddTrocWebApp();
builder.AddTrocCompression();

var app = builder.Build();
app.UseTrocCompression();
app.UseTrocAbuseLimits();
app.UseTrocAuthentication();
app.UseTrocIde();
app.MapTrocEndpoints();
app.MapTrocHealth();
app.MapTrocFeatures();
app.MapTrocWebApp();

return await app.RunTrocAsync(args);

/// <summary>The web host's entry point; public so that tests can start it through WebApplicationFactory.</summary>
public partial class Program;
