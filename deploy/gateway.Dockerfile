# The miner's gateway: REST API, Swagger UI at /swagger, an Orleans client of its silo. Build from the repository root:
#   docker build -f deploy/gateway.Dockerfile -t orleans-blockchain-gateway .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish Gateway/Gateway.csproj --configuration Release --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Inside a container the gateway must listen on every interface; publish its port on the host's loopback only.
ENV Urls=http://0.0.0.0:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "Orleans.Blockchain.Gateway.dll"]
