@description('The gRPC schedule service on Azure Container Apps, in an internal environment: reachable only from the virtual network, over HTTP/2 end to end.')
param environmentName string
param appName string
param location string
param tags object
param infrastructureSubnetId string
param virtualNetworkId string
param logAnalyticsWorkspaceName string
param identityId string
param identityClientId string
param registryServer string
param image string
param tableServiceUri string
param applicationInsightsConnectionString string
param writerAuthority string
param writerAudience string

// Before azd has pushed an image, the app starts from a public placeholder so that the first provision succeeds.
var containerImage = empty(image) ? 'mcr.microsoft.com/k8se/quickstart:latest' : image

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: logAnalyticsWorkspaceName
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: environmentName
  location: location
  tags: tags
  properties: {
    vnetConfiguration: {
      infrastructureSubnetId: infrastructureSubnetId
      internal: true
    }
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logAnalytics.properties.customerId
        sharedKey: logAnalytics.listKeys().primarySharedKey
      }
    }
    workloadProfiles: [{ name: 'Consumption', workloadProfileType: 'Consumption' }]
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
        targetPort: 8080
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
            { name: 'ASPNETCORE_URLS', value: 'http://+:8080' }
            { name: 'AZURE_CLIENT_ID', value: identityClientId }
            { name: 'Storage__TableServiceUri', value: tableServiceUri }
            { name: 'Storage__ManagedIdentityClientId', value: identityClientId }
            { name: 'Auth__Authority', value: writerAuthority }
            { name: 'Auth__Audience', value: writerAudience }
            { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
            { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'Authorization=AAD;ClientId=${identityClientId}' }
          ]
          probes: [
            {
              type: 'Liveness'
              tcpSocket: { port: 8080 }
            }
          ]
        }
      ]
      scale: { minReplicas: 1, maxReplicas: 3 }
    }
  }
}

output uri string = 'https://${app.properties.configuration.ingress.fqdn}'
