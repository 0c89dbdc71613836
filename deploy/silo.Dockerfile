# The miner's silo: chain, pool, peers and mining threads. Build from the repository root:
#   docker build -f deploy/silo.Dockerfile -t orleans-blockchain-silo .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish Silo/Silo.csproj --configuration Release --output /app

# ASP.NET Core's runtime: the silo program references it, whether or not it hosts its gateway (Miner:HostGateway).
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# The chain, its hash, older versions, the pool and the neighbours: keep them on a volume.
ENV Miner__DataDirectory=/data
VOLUME /data
ENTRYPOINT ["dotnet", "Orleans.Blockchain.Silo.dll"]
