package helm

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	monitoringv1 "github.com/prometheus-operator/prometheus-operator/pkg/apis/monitoring/v1"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"sigs.k8s.io/yaml"

	"github.com/newsflow/newsflow/deploy/internal/rules"
)

// objects are the documents of one render, each in its API type.
type objects struct {
	deployments   []appsv1.Deployment
	pdbs          []policyv1.PodDisruptionBudget
	services      []corev1.Service
	configMaps    []corev1.ConfigMap
	podMonitors   []monitoringv1.PodMonitor
	scaledObjects []scaledObject
	streams       []nackStream
	consumers     []nackConsumer
}

// strictDecoder decodes the built-in kinds and the Prometheus operator's,
// refusing unknown and duplicate fields.
func strictDecoder(t *testing.T) runtime.Decoder {
	t.Helper()
	scheme := runtime.NewScheme()
	if err := errors.Join(appsv1.AddToScheme(scheme), corev1.AddToScheme(scheme), policyv1.AddToScheme(scheme), monitoringv1.AddToScheme(scheme)); err != nil {
		t.Fatal(err)
	}
	return serializer.NewCodecFactory(scheme, serializer.EnableStrict).UniversalDeserializer()
}

// decode splits a manifest into its documents and decodes each strictly
// into its type; a kind the chart should not render is an error.
func decode(t *testing.T, manifest string) (objects, error) {
	t.Helper()
	dec := strictDecoder(t)
	var objs objects
	var errs []error
	r := utilyaml.NewYAMLReader(bufio.NewReader(strings.NewReader(manifest)))
	for {
		doc, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return objs, err
		}
		var meta struct{ APIVersion, Kind string }
		if err := yaml.Unmarshal(doc, &meta); err != nil {
			return objs, err
		}
		if meta.Kind == "" {
			continue // comments only
		}
		var crd any
		switch meta.APIVersion + " " + meta.Kind {
		case "keda.sh/v1alpha1 ScaledObject":
			objs.scaledObjects = append(objs.scaledObjects, scaledObject{})
			crd = &objs.scaledObjects[len(objs.scaledObjects)-1]
		case "jetstream.nats.io/v1beta2 Stream":
			objs.streams = append(objs.streams, nackStream{})
			crd = &objs.streams[len(objs.streams)-1]
		case "jetstream.nats.io/v1beta2 Consumer":
			objs.consumers = append(objs.consumers, nackConsumer{})
			crd = &objs.consumers[len(objs.consumers)-1]
		}
		if crd != nil {
			if err := yaml.UnmarshalStrict(doc, crd); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", meta.Kind, err))
			}
			continue
		}
		obj, _, err := dec.Decode(doc, nil, nil)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s %s: %w", meta.APIVersion, meta.Kind, err))
			continue
		}
		switch o := obj.(type) {
		case *appsv1.Deployment:
			objs.deployments = append(objs.deployments, *o)
		case *policyv1.PodDisruptionBudget:
			objs.pdbs = append(objs.pdbs, *o)
		case *corev1.Service:
			objs.services = append(objs.services, *o)
		case *corev1.ConfigMap:
			objs.configMaps = append(objs.configMaps, *o)
		case *monitoringv1.PodMonitor:
			objs.podMonitors = append(objs.podMonitors, *o)
		default:
			errs = append(errs, fmt.Errorf("unexpected kind %s", meta.Kind))
		}
	}
	return objs, errors.Join(errs...)
}

// TestRendersDecodeStrictly decodes every kept render strictly and checks
// what holds whatever newsflow's configuration says: a pinned image, a
// PodDisruptionBudget that lets drains through unready pods, selectors
// that select the Deployment's pods, a PodMonitor whose job label is the
// one the alert rules select, a ScaledObject on the Deployment that does
// not scale down on one sample.
func TestRendersDecodeStrictly(t *testing.T) {
	job := upJob(t)
	for _, c := range renderCases(t) {
		t.Run(c.name, func(t *testing.T) {
			data, err := os.ReadFile(c.golden)
			if err != nil {
				t.Fatal(err)
			}
			objs, err := decode(t, string(data))
			if err != nil {
				t.Fatalf("%s: %v", c.golden, err)
			}
			if len(objs.deployments) != 1 || len(objs.configMaps) != 1 {
				t.Fatalf("%d Deployments, %d ConfigMaps; want 1 each", len(objs.deployments), len(objs.configMaps))
			}
			d := objs.deployments[0]
			pod := labels.Set(d.Spec.Template.Labels)
			checkImage(t, d)
			for _, p := range objs.pdbs {
				if p.Spec.UnhealthyPodEvictionPolicy == nil || *p.Spec.UnhealthyPodEvictionPolicy != policyv1.AlwaysAllow {
					t.Errorf("PodDisruptionBudget %s: unhealthyPodEvictionPolicy %v; want AlwaysAllow, or a NATS outage blocks every drain", p.Name, p.Spec.UnhealthyPodEvictionPolicy)
				}
				if sel, err := metaSelector(p.Spec.Selector); err != nil || !sel.Matches(pod) {
					t.Errorf("PodDisruptionBudget %s selects %v, not the Deployment's pods %v (%v)", p.Name, p.Spec.Selector, pod, err)
				}
			}
			if c.name == "default" && len(objs.pdbs) != 1 {
				t.Errorf("%d PodDisruptionBudgets; want 1", len(objs.pdbs))
			}
			for _, s := range objs.services {
				if !labels.SelectorFromSet(s.Spec.Selector).Matches(pod) {
					t.Errorf("Service %s selects %v, not the Deployment's pods %v", s.Name, s.Spec.Selector, pod)
				}
			}
			for _, m := range objs.podMonitors {
				if sel, err := metaSelector(&m.Spec.Selector); err != nil || !sel.Matches(pod) {
					t.Errorf("PodMonitor %s selects %v, not the Deployment's pods %v (%v)", m.Name, m.Spec.Selector, pod, err)
				}
				// The operator's job label is <namespace>/<name> unless
				// jobLabel names a pod label.
				if got := pod[m.Spec.JobLabel]; m.Spec.JobLabel == "" || got != job {
					t.Errorf("PodMonitor %s: jobLabel %q gives job %q; the alert rules select job=%q", m.Name, m.Spec.JobLabel, got, job)
				}
			}
			for _, s := range objs.scaledObjects {
				if s.Spec.ScaleTargetRef.Name != d.Name {
					t.Errorf("ScaledObject %s scales %q; want the Deployment %q", s.Name, s.Spec.ScaleTargetRef.Name, d.Name)
				}
				if d.Spec.Replicas != nil {
					t.Errorf("Deployment %s sets replicas %d beside a ScaledObject: every upgrade would reset the scale", d.Name, *d.Spec.Replicas)
				}
				hpa := s.Spec.Advanced
				if hpa == nil || hpa.HorizontalPodAutoscalerConfig == nil || hpa.HorizontalPodAutoscalerConfig.Behavior == nil ||
					hpa.HorizontalPodAutoscalerConfig.Behavior.ScaleDown == nil ||
					hpa.HorizontalPodAutoscalerConfig.Behavior.ScaleDown.StabilizationWindowSeconds == nil ||
					*hpa.HorizontalPodAutoscalerConfig.Behavior.ScaleDown.StabilizationWindowSeconds < 60 {
					t.Errorf("ScaledObject %s: scale-down stabilisation under 60 s or unset", s.Name)
				}
				if len(s.Spec.Triggers) != 1 || s.Spec.Triggers[0].Type != "nats-jetstream" {
					t.Errorf("ScaledObject %s: triggers %+v; want one nats-jetstream", s.Name, s.Spec.Triggers)
				}
			}
		})
	}
}

// checkImage checks that the container's image is pinned: a tag that is
// not latest, or a digest.
func checkImage(t *testing.T, d appsv1.Deployment) {
	t.Helper()
	for _, c := range d.Spec.Template.Spec.Containers {
		ref := c.Image
		if _, digest, ok := strings.Cut(ref, "@"); ok {
			if !strings.HasPrefix(digest, "sha256:") {
				t.Errorf("container %s: image %s; want a sha256 digest", c.Name, ref)
			}
			continue
		}
		i := strings.LastIndex(ref, ":")
		if i < 0 || strings.Contains(ref[i:], "/") || ref[i+1:] == "latest" {
			t.Errorf("container %s: image %s; want a version tag or a digest, not latest", c.Name, ref)
		}
	}
}

func metaSelector(s *metav1.LabelSelector) (labels.Selector, error) {
	return metav1.LabelSelectorAsSelector(s)
}

// upJob returns the job whose up series the alert rules watch.
func upJob(t *testing.T) string {
	t.Helper()
	rules, err := rules.Load(filepath.Join("..", "prometheus", "alerts.yml"))
	if err != nil {
		t.Fatal(err)
	}
	jobs := rules.Jobs("up")
	if len(jobs) != 1 {
		t.Fatalf("alert rules select up of jobs %v; want one", jobs)
	}
	return jobs[0]
}

// TestDecodeRefusesUnknownFields checks that decode fails a misspelt
// field, built-in and custom kinds alike.
func TestDecodeRefusesUnknownFields(t *testing.T) {
	for _, doc := range []string{
		"apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: x}\nspec: {maxUnavailable: 1, unhealthyPodEvictionPolcy: AlwaysAllow}\n",
		"apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: x}\nspec: {scaleTargetRef: {name: x}, maxReplicas: 3}\n",
		"apiVersion: jetstream.nats.io/v1beta2\nkind: Stream\nmetadata: {name: x}\nspec: {name: X, max_age: 1h}\n",
	} {
		if _, err := decode(t, doc); err == nil || !strings.Contains(err.Error(), "unknown field") {
			t.Errorf("decode(%q) = %v; want an unknown field error", doc, err)
		}
	}
}
