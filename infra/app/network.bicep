@description('One virtual network: the Container Apps environment (internal), the Functions app (VNet integration) and the storage private endpoints meet in it.')
param name string
param location string
param tags object

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: { addressPrefixes: ['10.40.0.0/16'] }
    subnets: [
      {
        name: 'container-apps'
        properties: {
          addressPrefix: '10.40.0.0/23'
          delegations: [{ name: 'containerapps', properties: { serviceName: 'Microsoft.App/environments' } }]
        }
      }
      {
        name: 'functions'
        properties: {
          addressPrefix: '10.40.2.0/24'
          delegations: [{ name: 'flex', properties: { serviceName: 'Microsoft.App/environments' } }]
        }
      }
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: '10.40.3.0/24'
        }
      }
    ]
  }
}

output virtualNetworkId string = vnet.id
output containerAppsSubnetId string = vnet.properties.subnets[0].id
output functionsSubnetId string = vnet.properties.subnets[1].id
output privateEndpointsSubnetId string = vnet.properties.subnets[2].id
output containerAppsSubnetPrefix string = vnet.properties.subnets[0].properties.addressPrefix
output functionsSubnetPrefix string = vnet.properties.subnets[1].properties.addressPrefix
