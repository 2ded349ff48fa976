using Troc.Graph.Compression;
using Troc.Graph.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddTrocData();
builder.AddTrocGraph();
builder.AddTrocAuth();
builder.AddTrocListings();
builder.AddTrocModeration();
builder.AddTrocSearch();
builder.AddTrocTransport();
builder.AddTrocRealtime();
builder.AddTrocHealth();
builder.AddTrocIde();
builder.AddTrocMedia();
builder.AddTrocWebApp();
builder.AddTrocCompression();

var app = builder.Build();
app.UseTrocCompression();
app.UseTrocAuth();
app.UseTrocTransport();
app.UseTrocIde();
app.MapTrocEndpoints();
app.MapTrocHealth();
app.MapTrocMedia();
app.MapTrocWebApp();

return await app.RunTrocAsync(args);

/// <summary>The web host's entry point; public so that tests can start it through WebApplicationFactory.</summary>
public partial class Program;
