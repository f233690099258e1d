// Package helm holds the tests of the newsflow Helm chart in
// deploy/helm/newsflow: it renders the chart with Helm's own packages,
// client-only, for its default values and each file of examples/, keeps
// deploy/kubernetes/ equal to those renders, and decodes every document
// strictly into its Kubernetes API type. What newsflow makes of a
// rendered Deployment (its configuration, memory, workers) is checked by
// cmd/newsflow's TestDeployRenders on the same files.
package helm
