@description('The Functions runtime storage of the feeds app (AzureWebJobsStorage) and its deployment package container: its own account, apart from the agenda. Shared keys off; reachable only through a private endpoint.')
param name string
param location string
param tags object

@description('Identity of the feeds app: blob access to its own runtime storage and package, nothing else.')
param feedsPrincipalId string
param privateEndpointSubnetId string
param virtualNetworkId string

var blobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var deploymentContainerName = 'app-package-feeds'

// Public network access off: a Flex Consumption app integrated with the virtual network reaches its
// AzureWebJobsStorage and deployment container through the private endpoint (as in the Flex Consumption azd
// quickstart with its virtual network on); `azd deploy` uploads through the app's own deployment endpoint, not to
// this account. HTTP triggers only: the runtime needs blobs (host locks and keys), not queues or tables.
resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Disabled'
    networkAcls: { defaultAction: 'Deny', bypass: 'None' }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
}

resource feedsBlobAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, feedsPrincipalId, blobDataOwner)
  scope: account
  properties: {
    principalId: feedsPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataOwner)
  }
}

module blobEndpoint 'storage-private-endpoint.bicep' = {
  name: 'feeds-blob-private-endpoint'
  params: {
    name: 'pe-${name}-blob'
    location: location
    tags: tags
    storageAccountId: account.id
    groupId: 'blob'
    subnetId: privateEndpointSubnetId
    virtualNetworkId: virtualNetworkId
  }
}

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output deploymentContainerName string = deploymentContainer.name
