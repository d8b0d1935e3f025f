@description('The gRPC schedule service on Azure Container Apps, in an internal environment: reachable only from the virtual network, over HTTP/2 end to end.')
param environmentName string
param appName string
param location string
param tags object
param infrastructureSubnetId string
param virtualNetworkId string
param logAnalyticsWorkspaceId string
param identityId string
param identityClientId string
param registryServer string
param image string
param tableServiceUri string
param applicationInsightsConnectionString string
param writerAuthority string
param writerAudience string
param writerClientId string
@description('Where the environment\'s ingress proxies run (the Container Apps subnet): their X-Forwarded-For is believed when counting callers.')
param ingressNetwork string
@description('Where the feeds call from (the Functions subnet): the attendee address they pass on is believed when counting personal agendas.')
param relayNetwork string

// Before azd has pushed an image, the app starts from a public placeholder so that the first provision succeeds.
var containerImage = empty(image) ? 'mcr.microsoft.com/k8se/quickstart:latest' : image

// Where the service listens; the Dockerfile sets the same (tests keep them equal). gRPC is HTTP/2 cleartext on
// grpcPort (the ingress target); the health probes are HTTP/1.1 on probePort, since Container Apps probes are HTTP
// or TCP only (no gRPC) and cannot speak HTTP/2 cleartext. The probe port is not behind the ingress.
var grpcPort = 8080
var probePort = 8081

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: environmentName
  location: location
  tags: tags
  properties: {
    vnetConfiguration: {
      infrastructureSubnetId: infrastructureSubnetId
      internal: true
    }
    // Logs go through Azure Monitor diagnostic settings (below), so the workspace's shared key is never used.
    appLogsConfiguration: { destination: 'azure-monitor' }
    workloadProfiles: [{ name: 'Consumption', workloadProfileType: 'Consumption' }]
  }
}

resource environmentDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: environment
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      { category: 'ContainerAppConsoleLogs', enabled: true }
      { category: 'ContainerAppSystemLogs', enabled: true }
    ]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

// The internal environment's names resolve only through a private zone linked to the network.
module dns 'private-dns.bicep' = {
  name: 'schedule-private-dns'
  params: {
    zoneName: environment.properties.defaultDomain
    staticIp: environment.properties.staticIp
    virtualNetworkId: virtualNetworkId
    tags: tags
  }
}

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'schedule' })
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    environmentId: environment.id
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: grpcPort
        transport: 'http2'
        allowInsecure: false
      }
      registries: [{ server: registryServer, identity: identityId }]
    }
    template: {
      containers: [
        {
          name: 'schedule'
          image: containerImage
          resources: { cpu: json('0.5'), memory: '1Gi' }
          env: [
            { name: 'ASPNETCORE_URLS', value: 'http://+:${grpcPort};http://+:${probePort}' }
            { name: 'HealthProbes__Port', value: string(probePort) }
            { name: 'AZURE_CLIENT_ID', value: identityClientId }
            { name: 'Storage__TableServiceUri', value: tableServiceUri }
            { name: 'Storage__ManagedIdentityClientId', value: identityClientId }
            { name: 'Auth__Authority', value: writerAuthority }
            { name: 'Auth__Audience', value: writerAudience }
            { name: 'Auth__ClientId', value: writerClientId }
            { name: 'ClientAddresses__TrustedProxies__0', value: ingressNetwork }
            { name: 'ClientAddresses__Relays__0', value: relayNetwork }
            { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
            { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD;ClientId=${identityClientId}' }
          ]
          // Readiness is the service's health (storage reachable, agenda seeded): the state grpc.health.v1
          // reports. Liveness only asks that the process answers: storage being away is no reason to restart.
          probes: [
            {
              type: 'Readiness'
              httpGet: { path: '/healthz/ready', port: probePort, scheme: 'HTTP' }
              initialDelaySeconds: 1
              periodSeconds: 5
              failureThreshold: 3
              timeoutSeconds: 2
            }
            {
              type: 'Liveness'
              httpGet: { path: '/healthz/live', port: probePort, scheme: 'HTTP' }
              initialDelaySeconds: 5
              periodSeconds: 10
              failureThreshold: 3
              timeoutSeconds: 2
            }
          ]
        }
      ]
      scale: { minReplicas: 1, maxReplicas: 3 }
    }
  }
}

output uri string = 'https://${app.properties.configuration.ingress.fqdn}'
