package helm

import (
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// The custom resources the chart renders whose Go types cannot be
// imported here (KEDA's module has replace directives, NACK's is not on
// the module proxy): their fields as the CRDs name them (KEDA v2 keda.sh/
// v1alpha1 ScaledObject; NACK jetstream.nats.io/v1beta2 Stream and
// Consumer), decoded strictly, so that a misspelt field fails here as the
// API server's structural schema would prune or refuse it.

type scaledObject struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              struct {
		ScaleTargetRef struct {
			APIVersion             string `json:"apiVersion,omitempty"`
			Kind                   string `json:"kind,omitempty"`
			Name                   string `json:"name"`
			EnvSourceContainerName string `json:"envSourceContainerName,omitempty"`
		} `json:"scaleTargetRef"`
		PollingInterval       *int32 `json:"pollingInterval,omitempty"`
		InitialCooldownPeriod *int32 `json:"initialCooldownPeriod,omitempty"`
		CooldownPeriod        *int32 `json:"cooldownPeriod,omitempty"`
		IdleReplicaCount      *int32 `json:"idleReplicaCount,omitempty"`
		MinReplicaCount       *int32 `json:"minReplicaCount,omitempty"`
		MaxReplicaCount       *int32 `json:"maxReplicaCount,omitempty"`
		Advanced              *struct {
			RestoreToOriginalReplicaCount bool `json:"restoreToOriginalReplicaCount,omitempty"`
			HorizontalPodAutoscalerConfig *struct {
				Name     string                                         `json:"name,omitempty"`
				Behavior *autoscalingv2.HorizontalPodAutoscalerBehavior `json:"behavior,omitempty"`
			} `json:"horizontalPodAutoscalerConfig,omitempty"`
		} `json:"advanced,omitempty"`
		Triggers []struct {
			Type              string            `json:"type"`
			Name              string            `json:"name,omitempty"`
			UseCachedMetrics  bool              `json:"useCachedMetrics,omitempty"`
			Metadata          map[string]string `json:"metadata"`
			AuthenticationRef *struct {
				Name string `json:"name"`
				Kind string `json:"kind,omitempty"`
			} `json:"authenticationRef,omitempty"`
			MetricType string `json:"metricType,omitempty"`
		} `json:"triggers"`
	} `json:"spec"`
}

type nackStream struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              struct {
		Name              string   `json:"name"`
		Description       string   `json:"description,omitempty"`
		Subjects          []string `json:"subjects"`
		Retention         string   `json:"retention"`
		Storage           string   `json:"storage"`
		Replicas          int      `json:"replicas"`
		MaxAge            string   `json:"maxAge"`
		DuplicateWindow   string   `json:"duplicateWindow"`
		Discard           string   `json:"discard"`
		DiscardPerSubject bool     `json:"discardPerSubject,omitempty"`
		MaxMsgSize        int64    `json:"maxMsgSize"`
		MaxMsgs           int64    `json:"maxMsgs"`
		MaxBytes          int64    `json:"maxBytes"`
		MaxMsgsPerSubject int64    `json:"maxMsgsPerSubject"`
		MaxConsumers      int64    `json:"maxConsumers"`
		AllowRollup       bool     `json:"allowRollup,omitempty"`
		DenyDelete        bool     `json:"denyDelete,omitempty"`
		DenyPurge         bool     `json:"denyPurge,omitempty"`
		AllowDirect       bool     `json:"allowDirect,omitempty"`
		MirrorDirect      bool     `json:"mirrorDirect,omitempty"`
		NoAck             bool     `json:"noAck,omitempty"`
		Compression       string   `json:"compression,omitempty"`
		PreventDelete     bool     `json:"preventDelete,omitempty"`
		PreventUpdate     bool     `json:"preventUpdate,omitempty"`
	} `json:"spec"`
}

type nackConsumer struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              struct {
		StreamName        string   `json:"streamName"`
		DurableName       string   `json:"durableName"`
		Description       string   `json:"description,omitempty"`
		DeliverPolicy     string   `json:"deliverPolicy"`
		AckPolicy         string   `json:"ackPolicy"`
		AckWait           string   `json:"ackWait"`
		MaxDeliver        int      `json:"maxDeliver"`
		MaxAckPending     int      `json:"maxAckPending"`
		MaxWaiting        int      `json:"maxWaiting,omitempty"`
		ReplayPolicy      string   `json:"replayPolicy"`
		FilterSubject     string   `json:"filterSubject,omitempty"`
		FilterSubjects    []string `json:"filterSubjects,omitempty"`
		Replicas          int      `json:"replicas,omitempty"`
		MemStorage        bool     `json:"memStorage,omitempty"`
		InactiveThreshold string   `json:"inactiveThreshold,omitempty"`
		PreventDelete     bool     `json:"preventDelete,omitempty"`
		PreventUpdate     bool     `json:"preventUpdate,omitempty"`
	} `json:"spec"`
}
