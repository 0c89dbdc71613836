using Orleans.Blockchain.Gateway.Hosting;

// appsettings.json is read from beside the program, so the gateway runs the same from any directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddMinerGateway();

var app = builder.Build();
app.MapMinerGateway();
app.Run();
