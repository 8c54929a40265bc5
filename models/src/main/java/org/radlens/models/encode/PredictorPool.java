package org.radlens.models.encode;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * One DJL {@link Predictor} per concurrently working thread: a thread borrows an idle predictor (or a new one) for a
 * call and gives it back. A predictor is never used by two threads at once; {@link #close()} closes all of them.
 */
final class PredictorPool<I, O> implements AutoCloseable {
    private final ZooModel<I, O> model;
    private final ConcurrentLinkedDeque<Predictor<I, O>> idle = new ConcurrentLinkedDeque<>();
    private final List<Predictor<I, O>> all = new ArrayList<>();
    private boolean closed;

    PredictorPool(ZooModel<I, O> model) {
        this.model = model;
    }

    Predictor<I, O> borrow() {
        Predictor<I, O> p = idle.pollFirst();
        if (p != null) {
            return p;
        }
        synchronized (all) {
            if (closed) {
                throw new IllegalStateException("model " + model.getName() + " is closed");
            }
            p = model.newPredictor();
            all.add(p);
            return p;
        }
    }

    void release(Predictor<I, O> p) {
        synchronized (all) {
            if (closed) {
                return;
            }
        }
        idle.offerFirst(p);
    }

    @Override
    public void close() {
        synchronized (all) {
            if (closed) {
                return;
            }
            closed = true;
            all.forEach(Predictor::close);
            all.clear();
            idle.clear();
        }
        model.close();
    }
}
